// OpenAPI schemas for where a module is taken (provider, link, sessions, materials, cost, accessibility,
// accreditation), shared by the module list, pathway steps and organisations' own modules and sessions.
import { z } from '@hono/zod-openapi';
import { COSTS } from '../../domain/types.js';

export const SessionSchema = z
  .object({
    id: z.string().openapi({ example: 's-2026-09-01-hall' }),
    start: z.string().openapi({ description: 'ISO 8601 date and time with offset', example: '2026-09-01T09:00:00+01:00' }),
    end: z.string().openapi({ example: '2026-09-01T10:30:00+01:00' }),
    place: z.string().optional().openapi({ example: 'School hall' }),
    onlineUrl: z.string().optional().openapi({ description: 'https link to join online (a place, a link or both)', example: 'https://meet.example.org/inset-send' }),
    facilitator: z.string().optional().openapi({ description: 'Who runs it', example: 'The SENCO' }),
    capacity: z.number().int().openapi({ description: 'Places available', example: 30 }),
  })
  .openapi('ModuleSession');

export const AccessibilitySchema = z
  .object({
    captions: z.boolean().optional().openapi({ description: 'Videos have captions', example: true }),
    transcripts: z.boolean().optional().openapi({ description: 'Audio and video have transcripts', example: true }),
    bsl: z.boolean().optional().openapi({ description: 'Offered in British Sign Language', example: false }),
    notes: z.string().optional().openapi({ description: 'Anything else about access', example: 'Step-free access to the hall; hearing loop' }),
  })
  .openapi('ModuleAccessibility', { description: 'Accessibility of the training: captions, transcripts, British Sign Language (BSL) and notes' });

/** Fields every module carries about where it is taken (added in catalogue 2.0.0). */
export const moduleAccessFields = {
  provider: z.string().optional().openapi({ description: 'Who provides the training', example: 'Education Endowment Foundation (EEF)' }),
  url: z.string().optional().openapi({
    description: 'https address: self-study material, or the facilitator’s pack beside `materials`',
    example: 'https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/send',
  }),
  sessions: z.array(SessionSchema).optional().openapi({ description: 'Live sessions: start, end, place or online link, facilitator and capacity' }),
  materials: z.array(z.string()).optional().openapi({ description: 'What a facilitator needs to run it in-house', example: ['Slides and the facilitator’s notes from the shared drive'] }),
  cost: z.enum(COSTS).optional().openapi({ description: 'What staff pay: free or paid', example: 'free' }),
  accessibility: AccessibilitySchema.optional(),
  accreditation: z.string().optional().openapi({ description: 'Any certificate or credit the training leads to', example: 'Certificate of completion' }),
  illustrative: z.string().optional().openapi({ description: 'Set when no real course is linked yet: a plain-words note for staff' }),
};

/** Fields added to each pathway step from the catalogue the recommendation used. */
export const stepAccessFields = {
  provider: z.string().optional().openapi({ description: 'Who provides the module', example: 'Education Endowment Foundation (EEF)' }),
  url: z.string().optional().openapi({ description: 'Where to start the module (https)' }),
  sessions: z.array(SessionSchema).optional().openapi({ description: 'Live sessions of the module, soonest first' }),
  materials: z.array(z.string()).optional().openapi({ description: 'What a facilitator needs to run it in-house' }),
  cost: z.enum(COSTS).optional().openapi({ description: 'What staff pay: free or paid', example: 'free' }),
  illustrative: z.string().optional().openapi({ description: 'Set when no course is linked yet: a note for staff' }),
};
