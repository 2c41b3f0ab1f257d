// Schemas for single sign-on connections (OpenID Connect) and the sign-in redirects.
import { z } from '@hono/zod-openapi';

const domain = z.string().trim().toLowerCase().regex(/^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'A domain such as school.example.org.uk');

export const ConnectionIdParam = z.object({
  connectionId: z.string().regex(/^sso_[0-9a-z]{24}$/, 'Not a connection id').openapi({ param: { name: 'connectionId', in: 'path' }, example: 'sso_01jd5x2m7kq9w8e4r2t6y0u3ip' }),
});

export const NewConnectionBody = z
  .object({
    issuer: z.url('The issuer URL, e.g. https://login.microsoftonline.com/<tenant id>/v2.0').max(500),
    clientId: z.string().trim().min(1).max(200),
    clientSecret: z.string().min(1).max(500).optional().openapi({ description: 'Omit for a public client (PKCE only)' }),
    domains: z.array(domain).min(1).max(20).openapi({ description: 'Email domains whose verified addresses may sign in', example: ['school.example.org.uk'] }),
  })
  .strict()
  .openapi('NewSsoConnection');

export const ConnectionSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    hasClientSecret: z.boolean(),
    domains: z.array(z.string()),
    createdAt: z.string(),
    redirectUri: z.string().openapi({ description: 'Register this as the redirect URI at the provider' }),
    signInUrl: z.string().openapi({ description: 'Link staff here to sign in with this provider' }),
  })
  .openapi('SsoConnection');

export const StartQuery = z
  .object({
    connection: z.string().regex(/^sso_[0-9a-z]{24}$/).optional().openapi({ description: 'The connection to sign in with' }),
    email: z.string().trim().toLowerCase().max(254).optional().openapi({ description: 'Or the person’s email: its domain chooses the connection' }),
    returnTo: z.string().max(500).optional().openapi({ description: 'A path on this site to open after signing in', example: '/pathway' }),
  })
  .openapi('SsoStart');

export const CallbackQuery = z.object({
  state: z.string().max(200).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});
