import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

interface Constraint {
  readonly name?: string;
  readonly propertyName: string;
  readonly constraints?: unknown[];
  readonly each?: boolean;
}

/** class-validator's limit decorators, with the OpenAPI keyword each one is and where its bound is. */
const LIMITS: Readonly<Record<string, { keyword: string; at: number }>> = {
  maxLength: { keyword: 'maxLength', at: 0 },
  isLength: { keyword: 'maxLength', at: 1 },
  arrayMaxSize: { keyword: 'maxItems', at: 0 },
  max: { keyword: 'maximum', at: 0 },
};

/**
 * Documents the limits the DTOs enforce (MaxLength, Length, ArrayMaxSize, Max)
 * in their schemas, so a limit is declared once, where it is checked, and the
 * document cannot say less than the validation does. Swagger names a DTO's
 * schema after its class, which is how the two are matched. The storage's map
 * of classes is internal to class-validator: its public API asks by class.
 */
export function documentLimits(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, { properties?: Record<string, Record<string, unknown>> }>;
  const byClass = (getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, Constraint[]> }).validationMetadatas;
  for (const target of byClass.keys()) {
    const properties = schemas[target.name]?.properties;
    if (!properties) continue;
    for (const { name, propertyName, constraints: values, each } of inherited(byClass, target)) {
      const limit = LIMITS[name ?? ''];
      const property = properties[propertyName];
      const bound = values?.[limit?.at ?? -1];
      if (!limit || !property || typeof bound !== 'number') continue;
      // `each: true` bounds every item of an array, not the array.
      const schema = each && property.type === 'array' ? (property.items as Record<string, unknown>) : property;
      if (schema && !('$ref' in schema)) schema[limit.keyword] ??= bound;
    }
  }
  return document;
}

/**
 * A class's constraints with those its ancestors declare, its own first: Swagger
 * documents inherited properties in the subclass's schema, and class-validator
 * checks them there, but keeps each under the class that declared it.
 */
function inherited(byClass: Map<{ name: string }, Constraint[]>, target: { name: string }): Constraint[] {
  const constraints: Constraint[] = [];
  for (let at: unknown = target; typeof at === 'function' && at !== Function.prototype; at = Object.getPrototypeOf(at)) constraints.push(...(byClass.get(at as { name: string }) ?? []));
  return constraints;
}
