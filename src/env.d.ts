// Astro's virtual modules (`astro:content`…) for the type checker before the first build or `astro sync` has written
// .astro/types.d.ts (which then adds the project's own collection types).
/// <reference types="astro/client" />
