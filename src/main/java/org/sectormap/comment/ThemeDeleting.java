package org.sectormap.comment;

/**
 * Published inside a theme's deletion, before it goes: a feature that links to themes (a
 * recommendation's evidence) notes in its own History what the deletion takes from it, as the
 * schema then drops the links itself.
 */
public record ThemeDeleting(long themeId) {
}
