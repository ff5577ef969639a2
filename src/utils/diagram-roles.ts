/**
 * Mermaid bakes colours into the SVG. To let one SVG follow the site's light/dark toggle without re-rendering,
 * each colour role is drawn with a unique placeholder colour and the placeholders are then swapped for
 * `var(--diagram-<role>)`, defined per theme in src/styles/diagrams.css.
 */
export const diagramRoles = [
  'text',
  'bg',
  'actor-bg',
  'actor-border',
  'actor-text',
  'lifeline',
  'signal',
  'frame',
  'frame-text',
  'label-bg',
  'label-text',
  'note-bg',
  'note-border',
  'note-text',
  'activation-bg',
  'activation-border',
  'number-text',
  'highlight',
] as const;
export type DiagramRole = (typeof diagramRoles)[number];

/** Mermaid themeVariables (theme "base") → the role whose custom property replaces them. */
export const themeVariableRoles: Record<string, DiagramRole> = {
  background: 'bg',
  textColor: 'text',
  primaryTextColor: 'text',
  secondaryTextColor: 'text',
  tertiaryTextColor: 'text',
  titleColor: 'text',
  nodeTextColor: 'text',
  signalTextColor: 'text',
  errorBkgColor: 'text',
  errorTextColor: 'bg',
  primaryColor: 'actor-bg',
  mainBkg: 'actor-bg',
  actorBkg: 'actor-bg',
  secondaryColor: 'note-bg',
  tertiaryColor: 'activation-bg',
  primaryBorderColor: 'actor-border',
  secondaryBorderColor: 'actor-border',
  tertiaryBorderColor: 'actor-border',
  nodeBorder: 'actor-border',
  border2: 'actor-border',
  actorBorder: 'actor-border',
  actorTextColor: 'actor-text',
  actorLineColor: 'lifeline',
  lineColor: 'signal',
  arrowheadColor: 'signal',
  signalColor: 'signal',
  labelBoxBkgColor: 'label-bg',
  labelBoxBorderColor: 'frame',
  labelTextColor: 'label-text',
  loopTextColor: 'frame-text',
  noteBkgColor: 'note-bg',
  noteBorderColor: 'note-border',
  noteTextColor: 'note-text',
  activationBkgColor: 'activation-bg',
  activationBorderColor: 'activation-border',
  sequenceNumberColor: 'number-text',
};

export function diagramVar(role: DiagramRole): string {
  return `var(--diagram-${role})`;
}
