// Schemas for LTI 1.3 platform registration, login initiation and the resource-link launch.
import { z } from '@hono/zod-openapi';

const url = (what: string) => z.url(`${what} must be an absolute URL`).max(1000);

export const PlatformIdParam = z.object({
  platformId: z.string().regex(/^lti_[0-9a-z]{24}$/, 'Not a platform id').openapi({ param: { name: 'platformId', in: 'path' }, example: 'lti_01jd5x2m7kq9w8e4r2t6y0u3ip' }),
});

export const NewPlatformBody = z
  .object({
    issuer: z.string().min(1).max(500).openapi({ example: 'https://vle.school.example' }),
    clientId: z.string().trim().min(1).max(200),
    deploymentIds: z.array(z.string().min(1).max(200)).min(1).max(50),
    jwksUrl: url('jwksUrl'),
    authLoginUrl: url('authLoginUrl'),
    authTokenUrl: url('authTokenUrl').optional(),
  })
  .strict()
  .openapi('NewLtiPlatform');

export const PlatformSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    deploymentIds: z.array(z.string()),
    jwksUrl: z.string(),
    authLoginUrl: z.string(),
    authTokenUrl: z.string().nullable(),
    createdAt: z.string(),
    tool: z
      .object({ loginUrl: z.string(), redirectUrl: z.string(), targetLinkUrl: z.string(), jwksUrl: z.string() })
      .openapi({ description: 'What to enter at the platform for this tool' }),
  })
  .openapi('LtiPlatform');

export const LoginInitiationSchema = z
  .object({
    iss: z.string().min(1).max(500),
    login_hint: z.string().min(1).max(2000),
    target_link_uri: z.string().min(1).max(2000),
    lti_message_hint: z.string().max(4000).optional(),
    lti_deployment_id: z.string().max(200).optional(),
    client_id: z.string().max(200).optional(),
  })
  .openapi('LtiLoginInitiation');

export const LaunchSchema = z.object({ id_token: z.string().min(1).max(20_000), state: z.string().min(1).max(200) }).openapi('LtiLaunch');

export const JwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi('Jwks');
