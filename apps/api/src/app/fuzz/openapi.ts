/** The parts of the API's OpenAPI document the fuzz tier reads: operations, their parameters and JSON bodies. */
export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  required?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  example?: unknown;
  allOf?: Schema[];
  nullable?: boolean;
};

export interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}

export interface Operation {
  method: string;
  /** As the document spells it, e.g. /api/startups/{id}. */
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema, resolved; undefined when the operation takes no JSON body. */
  body?: Schema;
  /** The media type of a non-JSON body (the KPI import takes text/csv). */
  textBody?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.split('/').pop() as string]);
  if (schema.allOf?.length) return resolve(document, schema.allOf[0]);
  return schema;
}

/** Every operation of the document, reads and writes alike. */
export function operations(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => {
        const content = operation.requestBody?.content ?? {};
        const json = content['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          parameters: (operation.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
          body: json ? resolve(document, json) : undefined,
          textBody: Object.keys(content).find((type) => type !== 'application/json'),
        };
      }),
  );
}

/** A name or format that says the value is the id of a row. */
export function isIdField(name: string, schema: Schema | undefined): boolean {
  return schema?.format === 'uuid' || /(^id|Id)$/.test(name);
}
