package org.kinora.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A track type's label is its name in lower case, and leads back to it. */
class TrackTypeTest {
    @Test
    void labelsAreTheLowerCaseNamesAndLeadBack() {
        for (TrackType t : TrackType.values()) {
            assertEquals(t.name().toLowerCase(Locale.ROOT), t.label());
            assertEquals(t, TrackType.ofLabel(t.label()));
        }
    }

    @Test
    void anUnknownLabelIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> TrackType.ofLabel("VIDEO"));
        assertThrows(IllegalArgumentException.class, () -> TrackType.ofLabel("subtitles"));
    }
}
