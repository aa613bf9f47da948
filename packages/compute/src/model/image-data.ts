/** One canned image (compute.md §9), without its per-instance id and size. */
export interface ImageSpec {
  readonly name: string;
  readonly minRam: number;
  readonly minDisk: number;
  readonly defaultShow: boolean;
  readonly flavorClasses: string;
  readonly osType: string;
  readonly distro: string;
  readonly vmMode: string;
  readonly autoDiskConfig: string;
  /** Listed only in IAD (fetchable everywhere). */
  readonly onMetal: boolean;
  /** Gets a new id per tenant (the original's Arch image). */
  readonly perTenant: boolean;
}

const HVM = { flavorClasses: '*,!onmetal', vmMode: 'hvm', autoDiskConfig: 'disabled' };
const PV = { flavorClasses: '*,!io1,!memory1,!compute1,!onmetal', vmMode: 'xen', autoDiskConfig: 'True' };
const BASE = { minRam: 512, minDisk: 20, defaultShow: false, osType: 'linux', onMetal: false, perTenant: false };

function windows(name: string, minRam = 2048): ImageSpec {
  return {
    ...BASE,
    name,
    minRam,
    minDisk: 40,
    defaultShow: true,
    flavorClasses: '*,!onmetal',
    osType: 'windows',
    distro: 'com.microsoft.server',
    vmMode: '',
    autoDiskConfig: 'disabled',
  };
}

/** A Linux image; names ending in "(PV)" are paravirtual. */
function linux(name: string, distro: string, defaultShow = false): ImageSpec {
  return { ...BASE, ...(name.endsWith('(PV)') ? PV : HVM), name, distro, defaultShow };
}

function onMetal(name: string, distro: string): ImageSpec {
  return { ...BASE, name: `OnMetal - ${name}`, distro, flavorClasses: 'onmetal', vmMode: 'metal', autoDiskConfig: 'disabled', onMetal: true };
}

/** The canned images in list order. */
export const IMAGES: readonly ImageSpec[] = Object.freeze(
  [
    windows('Windows Server 2008 R2 SP1 + SQL Server 2008 R2 SP2 Standard'),
    windows('Windows Server 2008 R2 SP1 + SQL Server 2008 R2 SP2 Web'),
    windows('Windows Server 2008 R2 SP1', 1024),
    windows('Windows Server 2012 R2', 1024),
    windows('Windows Server 2012 + SQL Server 2012 SP1 Web'),
    windows('Windows Server 2012 + SQL Server 2012 SP1 Standard'),
    windows('Windows Server 2012 R2 + SQL Server 2014 Standard'),
    windows('Windows Server 2012 R2 + SQL Server 2014 Web'),
    windows('Windows Server 2012', 1024),
    linux('CentOS 6 (PV)', 'org.centos'),
    linux('CentOS 5 (PV)', 'org.centos'),
    linux('CentOS 7 (PVHVM)', 'org.centos', true),
    linux('CentOS 6 (PVHVM)', 'org.centos', true),
    linux('CoreOS (Beta)', 'org.coreos'),
    linux('CoreOS (Alpha)', 'org.coreos'),
    linux('CoreOS (Stable)', 'org.coreos', true),
    linux('Debian 7 (Wheezy) (PVHVM)', 'org.debian', true),
    linux('Debian Unstable (Sid) (PVHVM)', 'org.debian'),
    linux('Debian Testing (Stretch) (PVHVM)', 'org.debian'),
    linux('Debian 8 (Jessie) (PVHVM)', 'org.debian', true),
    linux('Fedora 21 (PVHVM)', 'org.fedoraproject', true),
    linux('Fedora 22 (PVHVM)', 'org.fedoraproject', true),
    linux('FreeBSD 10 (PVHVM)', 'org.freebsd'),
    linux('Gentoo 15.3 (PVHVM)', 'org.gentoo'),
    linux('OpenSUSE 13.2 (PVHVM)', 'org.opensuse'),
    linux('Red Hat Enterprise Linux 6 (PV)', 'org.redhat'),
    linux('Red Hat Enterprise Linux 5 (PV)', 'org.redhat'),
    linux('Red Hat Enterprise Linux 7 (PVHVM)', 'org.redhat', true),
    linux('Red Hat Enterprise Linux 6 (PVHVM)', 'org.redhat', true),
    linux('Ubuntu 12.04 LTS (Precise Pangolin) (PV)', 'org.ubuntu'),
    linux('Ubuntu 14.04 LTS (Trusty Tahr) (PV)', 'org.ubuntu'),
    linux('Ubuntu 15.04 (Vivid Vervet) (PVHVM)', 'org.ubuntu', true),
    linux('Ubuntu 12.04 LTS (Precise Pangolin) (PVHVM)', 'org.ubuntu', true),
    linux('Ubuntu 14.04 LTS (Trusty Tahr) (PVHVM)', 'org.ubuntu', true),
    { ...BASE, ...PV, name: 'Vyatta Network OS 6.7R9', minRam: 1024, defaultShow: true, distro: 'org.vyatta', autoDiskConfig: 'False' },
    linux('Scientific Linux 6 (PVHVM)', 'org.scientificlinux'),
    linux('Scientific Linux 7 (PVHVM)', 'org.scientificlinux'),
    onMetal('CentOS 6', 'org.centos'),
    onMetal('CentOS 7', 'org.centos'),
    onMetal('CoreOS (Alpha)', 'org.coreos'),
    onMetal('CoreOS (Beta)', 'org.coreos'),
    onMetal('CoreOS (Stable)', 'org.coreos'),
    onMetal('Debian Testing (Stretch)', 'org.debian'),
    onMetal('Debian Unstable (Sid)', 'org.debian'),
    onMetal('Debian 8 (Jessie)', 'org.debian'),
    onMetal('Debian 7 (Wheezy)', 'org.debian'),
    onMetal('Fedora 22', 'org.fedoraproject'),
    onMetal('Fedora 21', 'org.fedoraproject'),
    onMetal('Ubuntu 15.04 (Vivid Vervet)', 'org.ubuntu'),
    onMetal('Ubuntu 14.04 LTS (Trusty Tahr)', 'org.ubuntu'),
    onMetal('Ubuntu 12.04 LTS (Precise Pangolin)', 'org.ubuntu'),
    { ...BASE, ...HVM, name: 'Arch 2015.7 (PVHVM)', distro: 'org.archlinux', perTenant: true },
  ].map((image) => Object.freeze(image)),
);
