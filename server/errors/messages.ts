/** Every error code the API answers with, its HTTP status and the message a person reads. */
export const errorMessages = {
  'bad-request': { status: 400, message: 'The request has invalid parameters.' },
  'invalid-json': { status: 400, message: 'The request body is not valid JSON.' },
  'unsupported-media-type': { status: 415, message: 'Send the request body as application/json.' },
  'payload-too-large': { status: 413, message: 'The request body is too large.' },
  'not-found': { status: 404, message: 'There is nothing at this address.' },
  'product-not-found': { status: 404, message: 'No product has this id.' },
  'category-not-found': { status: 404, message: 'No category has this name.' },
  'cart-line-not-found': { status: 404, message: 'This item is not in your cart.' },
  'out-of-stock': { status: 409, message: 'Not enough stock for this quantity.' },
  'variant-required': { status: 400, message: 'Choose a colour or size for this product.' },
  'cart-full': { status: 409, message: 'Your cart cannot hold more items.' },
  'method-not-allowed': { status: 405, message: 'This address does not accept this method.' },
  'forbidden': { status: 403, message: 'You are not allowed to do this.' },
  'telemetry-table-not-found': { status: 404, message: 'No telemetry table has this name.' },
  'telemetry-table-exists': { status: 409, message: 'A telemetry table with this name already exists.' },
  'invalid-document': { status: 400, message: 'The document is not valid.' },
  'too-many-documents': { status: 413, message: 'A bulk request holds at most 2,000 documents.' },
  'unknown-opcode': { status: 400, message: 'The analytics request has an unknown opcode.' },
  'unknown-filter-operator': { status: 400, message: 'A filter has an unknown operator.' },
  'invalid-field': { status: 400, message: 'A field name is not a valid dotted path.' },
  'invalid-fql': { status: 400, message: 'The FQL statement could not be understood.' },
  'internal': { status: 500, message: 'Something went wrong on our side. Please try again.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorMessages;
