interface ImportMetaEnv {
  /** True only under `astro dev`; set by src/integrations/draft-visibility.ts. */
  readonly SHOW_DRAFTS: boolean;
}
