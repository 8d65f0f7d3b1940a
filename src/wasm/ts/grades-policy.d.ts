/** The grades module holds the presets only: a preset id. A policy object or `{ extends }`
 * throws `needs_full_module`; use the full module, `exchange_calc.js`, for those. */
export type PolicyInput = string;
