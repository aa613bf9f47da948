import { ids, isObject, readJson, respondEmpty, respondJson } from '@mimic/core';
import { parseTemplate, templateKey, tenantEndpoint } from '../model/endpoint-template';
import { badRequest, conflict, INVALID_JSON, notFound, unauthorized } from '../model/errors';
import { headerValue, type IdentityRuntime, type KoaContext } from './context';

const NO_TEMPLATE = 'Unable to locate an External API with the given Template ID.';
const NO_SERVICE_FOR_TEMPLATE = 'Service API for endoint template not found'; // sic, as the original
const NO_API = 'Unable to find the requested API';
const MISSING_PARAMETERS = 'JSON body does not contain the required parameters: ';
const DEFAULT_DESCRIPTION = 'External API referenced by Mimic';

/**
 * OS-KSADM services and OS-KSCATALOG endpoint templates (identity.md §8).
 * Every route needs an `X-Auth-Token` header; its value is not checked.
 */
export function mountExternalApiRoutes(runtime: IdentityRuntime): void {
  const { ctx, externals } = runtime;
  const router = ctx.router;
  const v2 = '/identity/v2.0';

  /** Answers 401 and returns false when the header is missing. */
  const authenticated = (k: KoaContext): boolean => {
    if (headerValue(k, 'x-auth-token') !== undefined) return true;
    respondJson(k, 401, unauthorized('Authentication required'));
    return false;
  };
  /** The JSON object body, or undefined with a 400 already sent. */
  const objectBody = (k: KoaContext): Record<string, unknown> | undefined => {
    const body = readJson(k);
    if (body.ok && isObject(body.value)) return body.value;
    respondJson(k, 400, badRequest(INVALID_JSON));
    return undefined;
  };
  const serviceIdHeader = (k: KoaContext) => headerValue(k, 'serviceid');

  router.get(`${v2}/services`, (k) => {
    if (!authenticated(k)) return;
    const services = externals.listServices().map(({ name, type, id, description }) => ({ name, type, id, description }));
    respondJson(k, 200, { 'OS-KSADM:services': services });
  });

  router.post(`${v2}/services`, (k) => {
    if (!authenticated(k)) return;
    const body = objectBody(k);
    if (!body) return;
    const { name, type, id = null, description = null } = body;
    if (typeof name !== 'string' || typeof type !== 'string') {
      respondJson(k, 400, badRequest("Invalid Content. 'name' and 'type' fields are required."));
      return;
    }
    if ((id !== null && typeof id !== 'string') || (description !== null && typeof description !== 'string')) {
      respondJson(k, 400, badRequest("Invalid Content. 'id' and 'description' must be strings when given."));
      return;
    }
    const result = externals.addService(id ?? ids.uuid(), name, type, description ?? DEFAULT_DESCRIPTION);
    if (result === 'idExists') respondJson(k, 409, conflict('Conflict: Service with the same uuid already exists.'));
    else if (result === 'nameExists') respondJson(k, 409, conflict('Conflict: Service with the same name already exists.'));
    else respondEmpty(k, 201);
  });

  router.delete(`${v2}/services/:serviceId`, (k) => {
    if (!authenticated(k)) return;
    const result = externals.removeService(k.params.serviceId);
    if (result === 'notFound') respondJson(k, 404, notFound('Service not found. Unable to remove.'));
    else if (result === 'hasTemplates') respondJson(k, 409, conflict('Service still has endpoint templates.'));
    else respondEmpty(k, 204);
  });

  router.get(`${v2}/OS-KSCATALOG/endpointTemplates`, (k) => {
    if (!authenticated(k)) return;
    const templates = externals.templates(serviceIdHeader(k));
    if (!templates) {
      respondJson(k, 404, notFound(NO_API));
      return;
    }
    respondJson(k, 200, { 'OS-KSCATALOG': templates, 'OS-KSCATALOG:endpointsTemplates_links': [] });
  });

  router.post(`${v2}/OS-KSCATALOG/endpointTemplates`, (k) => {
    if (!authenticated(k)) return;
    const body = objectBody(k);
    if (!body) return;
    const parsed = parseTemplate(body);
    if (!parsed.ok) {
      respondJson(k, 400, badRequest(MISSING_PARAMETERS + parsed.detail));
      return;
    }
    const result = externals.addTemplate(parsed.template, serviceIdHeader(k));
    if (result === 'idExists') respondJson(k, 409, conflict('ID value is already assigned to an existing template'));
    else if (result === 'noService') respondJson(k, 404, notFound(NO_SERVICE_FOR_TEMPLATE));
    else if (result === 'typeMismatch') respondJson(k, 409, conflict('Endpoint already exists or service type does not match.'));
    else respondEmpty(k, 201);
  });

  router.put(`${v2}/OS-KSCATALOG/endpointTemplates/:templateId`, (k) => {
    if (!authenticated(k)) return;
    const body = objectBody(k);
    if (!body) return;
    if (body.id === undefined || body.id === null) {
      respondJson(k, 400, badRequest(`${MISSING_PARAMETERS}'id'`));
      return;
    }
    if (String(body.id) !== k.params.templateId) {
      respondJson(k, 409, conflict('Template ID in URL does not match that of the JSON body'));
      return;
    }
    const parsed = parseTemplate(body);
    if (!parsed.ok) {
      respondJson(k, 400, badRequest(MISSING_PARAMETERS + parsed.detail));
      return;
    }
    const result = externals.updateTemplate(parsed.template, serviceIdHeader(k));
    if (result === 'noService') respondJson(k, 404, notFound(NO_SERVICE_FOR_TEMPLATE));
    else if (result === 'typeMismatch') respondJson(k, 409, conflict('Endpoint already exists and service id or service type does not match.'));
    else if (result === 'notFound') {
      respondJson(k, 404, notFound('Unable to update non-existent template. Template must first be added before it can be updated.'));
    } else respondEmpty(k, 201);
  });

  router.delete(`${v2}/OS-KSCATALOG/endpointTemplates/:templateId`, (k) => {
    if (!authenticated(k)) return;
    if (externals.removeTemplate(k.params.templateId, serviceIdHeader(k))) respondEmpty(k, 204);
    else respondJson(k, 404, notFound(NO_TEMPLATE));
  });

  router.get(`${v2}/tenants/:tenantId/OS-KSCATALOG/endpoints`, (k) => {
    if (!authenticated(k)) return;
    const tenantId = k.params.tenantId;
    const templates = externals.enabledFor(tenantId, serviceIdHeader(k));
    if (!templates) {
      respondJson(k, 404, notFound(NO_API));
      return;
    }
    respondJson(k, 200, { endpoints: templates.map((template) => tenantEndpoint(template, tenantId)), endpoints_links: [] });
  });

  router.post(`${v2}/tenants/:tenantId/OS-KSCATALOG/endpoints`, (k) => {
    if (!authenticated(k)) return;
    const body = objectBody(k);
    if (!body) return;
    const reference = body['OS-KSCATALOG:endpointTemplate'];
    const id = isObject(reference) ? reference.id : undefined;
    if (typeof id !== 'string' && typeof id !== 'number') {
      respondJson(k, 400, badRequest('Invalid Content. OS-KSCATALOG:endpointTemplate:id is required.'));
      return;
    }
    if (externals.enableForTenant(k.params.tenantId, templateKey(id))) respondEmpty(k, 201);
    else respondJson(k, 404, notFound(NO_TEMPLATE));
  });

  router.delete(`${v2}/tenants/:tenantId/OS-KSCATALOG/endpoints/:templateId`, (k) => {
    if (!authenticated(k)) return;
    const result = externals.disableForTenant(k.params.tenantId, k.params.templateId);
    if (result === 'noTemplate') respondJson(k, 404, notFound(NO_TEMPLATE));
    else if (result === 'notEnabled') respondJson(k, 404, notFound('Template not enabled for tenant'));
    else respondEmpty(k, 204);
  });
}
