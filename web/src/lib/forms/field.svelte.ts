/**
 * One form field's state: value, whether the user has left it, the live client-side error (shared validators)
 * and the server's error for it. Components bind to `value` and show `error`.
 *
 * @module
 */

/** Returns a zh-CN error message, or null when the value is acceptable. */
export type Validator = (value: string) => string | null;

export interface FieldOptions {
  initial?: string;
  /** Applied to every typed value, e.g. upper-casing a credit code. */
  normalize?: (value: string) => string;
}

export class Field {
  #value = $state('');
  /** The user has left the field (or tried to submit): errors are shown from now on, live. */
  touched = $state(false);
  /** The server's message for this field; cleared as soon as the value changes. */
  serverError = $state<string | null>(null);

  readonly #validate: Validator;
  readonly #normalize: (value: string) => string;

  constructor(validate: Validator, options: FieldOptions = {}) {
    this.#validate = validate;
    this.#normalize = options.normalize ?? ((value) => value);
    this.#value = options.initial ?? '';
  }

  get value(): string {
    return this.#value;
  }

  set value(next: string) {
    this.#value = this.#normalize(next);
    this.serverError = null;
  }

  /** The validator's verdict on the current value, shown or not. */
  clientError = $derived.by(() => this.#validate(this.#value));

  /** The message to show under the field. */
  error = $derived.by(() => this.serverError ?? (this.touched ? this.clientError : null));

  get valid(): boolean {
    return this.clientError === null && this.serverError === null;
  }

  reset(value = ''): void {
    this.#value = value;
    this.touched = false;
    this.serverError = null;
  }
}

/**
 * Marks every field touched (so all errors show) and tells whether the form can be sent; focuses the first
 * invalid input when an element id is given per field.
 */
export function validateAll(fields: Record<string, Field>): boolean {
  let firstInvalid: string | null = null;
  for (const [name, field] of Object.entries(fields)) {
    field.touched = true;
    if (!field.valid && firstInvalid === null) firstInvalid = name;
  }
  if (firstInvalid !== null) document.getElementById(`field-${firstInvalid}`)?.focus();
  return firstInvalid === null;
}
