/**
 * Whether an element shows a visible focus indicator: its computed style when focused differs
 * from its unfocused style in a property that changes what the reader sees.
 */
export type FocusStyle = {
  /** "style width colour" of the outline. */
  outline: string;
  /** Outline drawn: style not none, width > 0, colour not transparent. */
  outlineVisible: boolean;
  boxShadow: string;
  backgroundColor: string;
  color: string;
  border: string;
  textDecoration: string;
};

/** Undefined when the focused style visibly differs, else the reason why not. */
export function focusIndicatorProblem(unfocused: FocusStyle, focused: FocusStyle): string | undefined {
  // A transparent outline only shows in forced-colours mode; it is not an indicator by itself.
  if (focused.outlineVisible && focused.outline !== unfocused.outline) return undefined;
  if (focused.boxShadow !== 'none' && focused.boxShadow !== unfocused.boxShadow) return undefined;
  if (focused.backgroundColor !== unfocused.backgroundColor) return undefined;
  if (focused.border !== unfocused.border) return undefined;
  if (focused.color !== unfocused.color && focused.textDecoration !== unfocused.textDecoration) return undefined;
  return `Stil mit Fokus wie ohne: outline ${focused.outline}, box-shadow ${focused.boxShadow}, Hintergrund ${focused.backgroundColor}`;
}
