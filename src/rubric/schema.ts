import { z } from 'zod';

/**
 * The rubric language v1, as zod schemas: the single source of truth for rubric types,
 * load-time checks and the published JSON Schema (rubrics/schema.json).
 */

const Identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'an id starts with a letter and uses letters, digits, _ . -');

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');

export const LabelSchema = z
  .strictObject({
    ko: z.string().min(1).describe('Korean label'),
    en: z.string().min(1).optional().describe('English label'),
  })
  .describe('A label in Korean and English');

export const FieldTypeSchema = z.enum(['id', 'text', 'number', 'integer', 'percent', 'date', 'boolean', 'level']);

export const FieldSchema = z
  .strictObject({
    id: Identifier.describe('field id used in formulas, conditions and indicators'),
    label: LabelSchema,
    aliases: z.array(z.string().min(1)).default([]).describe('other header texts that name this column (Korean or English)'),
    type: FieldTypeSchema,
    required: z.boolean().default(false),
    min: z.number().optional().describe('smallest allowed value (number, integer, percent)'),
    max: z.number().optional().describe('largest allowed value (number, integer, percent)'),
    values: z.array(z.string().min(1)).optional().describe('allowed values (level fields; optional for text)'),
    unit: z.string().optional().describe('unit shown in reasons and templates, e.g. %, 명, 건'),
    description: LabelSchema.optional(),
  })
  .describe('A data field: one input column');

const PointsOrRating = {
  points: z.number().min(0).optional().describe('points awarded (at most the indicator maximum)'),
  rating: z.number().min(0).max(100).optional().describe('rating in percent of the indicator maximum'),
};

export const BandSchema = z
  .strictObject({
    atLeast: z.number().optional().describe('applies when value >= atLeast (higher is better)'),
    atMost: z.number().optional().describe('applies when value <= atMost (lower is better)'),
    ...PointsOrRating,
  })
  .describe('A step band: the first band the value meets decides the score');

export const LevelScoreSchema = z.strictObject({ level: z.string().min(1), ...PointsOrRating });

const FieldRef = z.strictObject({ field: Identifier });

export const MethodSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('direct'),
      scale: z.enum(['points', 'rating']).default('points').describe('the value is points, or a rating 0-100'),
    })
    .describe('The value is the score itself'),
  z
    .strictObject({
      kind: z.literal('linear'),
      low: z.number().describe('the lower threshold'),
      high: z.number().describe('the upper threshold (greater than low)'),
      minRating: z.number().min(0).max(100).default(0),
      maxRating: z.number().min(0).max(100).default(100),
    })
    .describe('Linear between thresholds; direction lower gives the full rating at low'),
  z
    .strictObject({
      kind: z.literal('bands'),
      bands: z.array(BandSchema).min(1),
      otherwise: z.strictObject(PointsOrRating).optional().describe('score when no band applies (default 0)'),
    })
    .describe('Step bands, best first'),
  z
    .strictObject({
      kind: z.literal('levels'),
      levels: z.array(LevelScoreSchema).min(1),
    })
    .describe('Qualitative levels mapped to points'),
  z.strictObject({ kind: z.literal('binary') }).describe('true (or non-zero) earns the full score'),
  z
    .strictObject({
      kind: z.literal('target'),
      target: z.union([z.number().positive(), FieldRef]).describe('the target value, fixed or from a field'),
      zeroAt: z.number().min(0).max(100).default(0).describe('attainment % that earns rating 0'),
    })
    .describe('Target attainment: value / target (target / value for lower), 100 % earns the full score'),
  z
    .strictObject({
      kind: z.literal('improvement'),
      baseline: FieldRef.describe('field with the baseline or previous-cycle value'),
      measure: z.enum(['difference', 'ratio']).default('difference').describe('difference: x - base; ratio: (x - base) / |base| x 100'),
      zero: z.number().default(0).describe('improvement that earns rating 0'),
      full: z.number().describe('improvement that earns the full rating'),
    })
    .describe('Improvement over a baseline field; direction lower counts a decrease as improvement'),
  z
    .strictObject({
      kind: z.literal('relative'),
      scale: z.enum(['percentile', 'zscore']),
      within: Identifier.optional().describe('peer-group field; default the whole population'),
      minGroupSize: z.number().int().min(1).default(1).describe('smaller peer groups are compared with the whole population'),
      zRange: z.tuple([z.number(), z.number()]).default([-2, 2]).describe('z-scores mapped linearly to ratings 0..100'),
    })
    .describe('Relative standing within the peer group'),
]);

export const MissingPolicySchema = z
  .enum(['fail', 'zero', 'exclude'])
  .describe('fail: the record is invalid; zero: 0 points; exclude: leave out and renormalise');

export const IndicatorSchema = z
  .strictObject({
    id: Identifier,
    label: LabelSchema,
    domain: Identifier,
    points: z.number().positive().optional().describe('maximum points'),
    weight: z.number().positive().optional().describe('relative weight within the domain (instead of points)'),
    direction: z.enum(['higher', 'lower']).default('higher'),
    field: Identifier.optional().describe('the value is this field'),
    formula: z.string().min(1).optional().describe('the value is this formula over fields'),
    unit: z.string().optional(),
    type: z.enum(['outcome', 'output', 'process', 'structure']).optional(),
    method: MethodSchema,
    missing: MissingPolicySchema.optional().describe('default: defaults.missing'),
    description: LabelSchema.optional(),
  })
  .describe('An indicator: a value and how it is scored');

export const CategorySchema = z.strictObject({ id: Identifier, label: LabelSchema, points: z.number().positive() });

export const DomainSchema = z.strictObject({
  id: Identifier,
  label: LabelSchema,
  points: z.number().positive().describe('maximum points of the domain'),
  category: Identifier.optional(),
});

export const GradeBandSchema = z.strictObject({
  grade: z.string().min(1),
  label: LabelSchema.optional(),
  min: z.number().optional().describe('inclusive lower bound; omitted on the lowest band (0)'),
  max: z.number().optional().describe('exclusive upper bound; omitted on the top band (the total, inclusive)'),
});

export const QuotaSchema = z.strictObject({
  grade: z.string().min(1),
  label: LabelSchema.optional(),
  share: z.number().min(0).max(100).describe('percent of the group'),
});

export const GradingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bands'), bands: z.array(GradeBandSchema).min(1).describe('best grade first') }),
  z.strictObject({
    kind: z.literal('quotas'),
    within: Identifier.optional().describe('peer-group field; default the whole population'),
    minGroupSize: z.number().int().min(1).default(1),
    quotas: z.array(QuotaSchema).min(1).describe('best grade first; shares add up to 100'),
  }),
]);

export const LimiterEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('capGrade'), grade: z.string().min(1).describe('the best grade allowed') }),
  z.strictObject({ kind: z.literal('setDomain'), domain: Identifier, points: z.number().min(0).default(0) }),
  z.strictObject({ kind: z.literal('withhold') }),
]);

export const LimiterSchema = z.strictObject({
  id: Identifier,
  label: LabelSchema,
  when: z.string().min(1).describe('condition over fields, e.g. "abuse_sanction == true"'),
  effect: LimiterEffectSchema,
});

export const CheckSchema = z.strictObject({
  id: Identifier,
  assert: z.string().min(1).describe('condition every record must meet, e.g. "returning_users <= users"'),
  severity: z.enum(['error', 'warning']).default('error'),
  message: LabelSchema,
});

export const FollowUpSchema = z.strictObject({
  grades: z.array(z.string().min(1)).min(1),
  action: LabelSchema,
});

const Duration = z
  .strictObject({
    years: z.number().int().min(0).optional(),
    months: z.number().int().min(0).optional(),
    days: z.number().int().min(0).optional(),
  })
  .describe('a period in years, months and days');

export const CertificationSchema = z.strictObject({
  passGrades: z.array(z.string().min(1)).min(1).describe('grades that earn the certificate'),
  validity: Duration.describe('validity counted from the notification date (Civil Act rule)'),
  renewalWindow: Duration.describe('renewal may be applied for from this long before expiry'),
  expiringWithin: Duration.describe('default horizon for "expiring soon"'),
});

export const RubricSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: Identifier,
    version: z.string().min(1),
    effective: z.strictObject({ from: IsoDate, to: IsoDate.optional() }),
    title: LabelSchema,
    description: LabelSchema.optional(),
    subject: z.enum(['agency', 'provider']),
    idField: Identifier.default('id'),
    nameField: Identifier.default('name'),
    peerGroups: z.array(Identifier).default([]).describe('fields to rank within by default'),
    defaults: z.strictObject({ missing: MissingPolicySchema.default('exclude') }).default({ missing: 'exclude' }),
    minCoverage: z.number().min(0).max(100).default(0).describe('percent of points that must have data for a grade'),
    fields: z.array(FieldSchema).min(1),
    categories: z.array(CategorySchema).default([]),
    domains: z.array(DomainSchema).min(1),
    indicators: z.array(IndicatorSchema).min(1),
    total: z.strictObject({
      points: z.number().positive(),
      precision: z.number().int().min(0).max(6).default(2).describe('decimals the total is rounded to (half up) before grading'),
    }),
    grading: GradingSchema,
    limiters: z.array(LimiterSchema).default([]),
    checks: z.array(CheckSchema).default([]),
    followUps: z.array(FollowUpSchema).default([]),
    certification: CertificationSchema.optional(),
  })
  .describe('An sseval rubric (v1)');

export type Label = z.infer<typeof LabelSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type FieldType = z.infer<typeof FieldTypeSchema>;
export type Method = z.infer<typeof MethodSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Domain = z.infer<typeof DomainSchema>;
export type Grading = z.infer<typeof GradingSchema>;
export type Limiter = z.infer<typeof LimiterSchema>;
export type Duration = z.infer<typeof Duration>;
export type Certification = z.infer<typeof CertificationSchema>;
export type Rubric = z.infer<typeof RubricSchema>;
