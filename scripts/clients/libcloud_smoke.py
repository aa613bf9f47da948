#!/usr/bin/env python3
"""Apache libcloud's Rackspace drivers, unchanged, against a running Mimic.

Manual check (not part of `npm test`, which needs no Python):
    apt-get install python3-libcloud        # libcloud 3.4 on Debian 12
    npm start -- --port 8931 &
    /usr/bin/python3 scripts/clients/libcloud_smoke.py http://127.0.0.1:8931
Exits non-zero on the first failure.
"""
import sys

from libcloud.compute.providers import get_driver as compute_driver
from libcloud.compute.types import Provider as ComputeProvider
from libcloud.loadbalancer.base import Algorithm, Member
from libcloud.loadbalancer.providers import get_driver as lb_driver
from libcloud.loadbalancer.types import MemberCondition, Provider

base = (sys.argv[1] if len(sys.argv) > 1 else 'http://127.0.0.1:8900').rstrip('/')
# libcloud 3.x posts to the path of ex_force_auth_url as given: name the tokens URL in full.
auth = dict(region='ord', ex_force_auth_url=base + '/identity/v2.0/tokens', ex_force_auth_version='2.0')

lbs = lb_driver(Provider.RACKSPACE)('libcloud-user', 'any-api-key', **auth)
assert 'http' in lbs.list_protocols()
lb = lbs.create_balancer(name='lc-lb', port=80, protocol='http', algorithm=Algorithm.ROUND_ROBIN,
                         members=[Member(None, '10.0.0.1', 80)])
assert lb.id in [b.id for b in lbs.list_balancers()]
lb = lbs.get_balancer(lb.id)
member = lbs.balancer_attach_member(lb, Member(None, '10.0.0.2', 8080))
assert sorted(m.ip for m in lbs.balancer_list_members(lb)) == ['10.0.0.1', '10.0.0.2']
assert lbs.balancer_detach_member(lb, member)
assert lbs.update_balancer(lb, name='renamed', algorithm=Algorithm.RANDOM).name == 'renamed'
first = lbs.balancer_list_members(lb)[0]
assert lbs.ex_balancer_update_member(lb, first, condition=MemberCondition.DISABLED, weight=5).extra['weight'] == 5
assert lbs.destroy_balancer(lb)

servers = compute_driver(ComputeProvider.RACKSPACE)('libcloud-user', 'any-api-key', **auth)
sizes, images = servers.list_sizes(), servers.list_images()
assert len(sizes) >= 35 and len(images) >= 38
node = servers.create_node(name='lc-node', size=sizes[0], image=images[0])
assert 'lc-node' in [n.name for n in servers.list_nodes()]
assert servers.reboot_node(node)
assert servers.destroy_node(node)
print('libcloud: load balancer and compute workflows passed')
