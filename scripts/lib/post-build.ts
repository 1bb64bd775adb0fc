/**
 * Steps that run on the freshly built site in its temporary folder, before it replaces dist/.
 * A step that throws stops the build; dist/ then stays as it was.
 */
export type PostBuildContext = {
  /** Project root. */
  root: string;
  /** The temporary output folder holding the new site. */
  dir: string;
  env: Record<string, string>;
};

export type PostBuildStep = { name: string; run: (ctx: PostBuildContext) => Promise<void> | void };

export const postBuildSteps: PostBuildStep[] = [];
