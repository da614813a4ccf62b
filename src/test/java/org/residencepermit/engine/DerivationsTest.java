package org.residencepermit.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** City names as NAT-SCOPE-1 compares them (Derivations.cityKey). */
class DerivationsTest {

    @Test
    void aKnownCityIsTheSameInEverySpelling() {
        for (String spelling : new String[] {"BEIJING", "beijing", " Beijing ", "北京", "北京市", "BEIJING CITY",
                "Beijing City", "beijing_city", "北京 市"}) {
            assertEquals("BEIJING", Derivations.cityKey(spelling), spelling);
        }
        assertEquals("SHENZHEN", Derivations.cityKey("深圳市"));
    }

    @Test
    void aFreeTextCityComparesAfterTheSameSteps() {
        assertEquals(Derivations.cityKey("WUHAN"), Derivations.cityKey("Wuhan City"));
        assertEquals(Derivations.cityKey("武汉市"), Derivations.cityKey("武汉"));
        assertEquals(Derivations.cityKey("FUYANG-ANHUI"), Derivations.cityKey("fuyang-anhui"));
        assertNotEquals(Derivations.cityKey("XINYANG"), Derivations.cityKey("WUHAN"));
        assertEquals("市", Derivations.cityKey("市"));
        assertNull(Derivations.cityKey("   "));
        assertNull(Derivations.cityKey(null));
    }
}
