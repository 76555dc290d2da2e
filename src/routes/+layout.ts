// Every page is prerendered to static HTML: the story reads without JavaScript.
export const prerender = true;
export const trailingSlash = 'never';
