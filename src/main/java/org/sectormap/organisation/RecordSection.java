package org.sectormap.organisation;

/**
 * A part of an organisation's page that another feature owns (its contact history, say), so the
 * register can show it without depending on that feature.
 */
public interface RecordSection {

    /** What to show for this organisation. */
    Panel panel(Organisation organisation);

    /**
     * @param template the Thymeleaf template holding the fragment
     * @param fragment a fragment taking one parameter, {@code model}
     * @param model    what the fragment shows
     * @param deletionWarning what deleting the organisation would also delete, or null
     */
    record Panel(String template, String fragment, Object model, String deletionWarning) {
    }
}
