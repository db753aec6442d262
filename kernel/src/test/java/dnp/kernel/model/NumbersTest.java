package dnp.kernel.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One decimal grammar: what JSON and papers write, nothing of Java's extras. */
class NumbersTest {
    @ParameterizedTest
    @CsvSource({"6.5, 6.5", "-2, -2", "+3, 3", ".5, 0.5", "5., 5", "1e-5, 1e-5", "3E4, 30000", "' 7 ', 7",
            "1.7976931348623157e308, 1.7976931348623157e308", "1e-400, 0"})
    void decimalsAreRead(String text, double value) {
        assertEquals(value, Numbers.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5d", "2f", "0x1p3", "0x10", "Infinity", "-Infinity", "NaN", "1e400", "", "1,5", "1e",
            "--1", "1_000", "١"})
    void everythingElseIsRefusedWithTheText(String text) {
        NumberFormatException ex = assertThrows(NumberFormatException.class, () -> Numbers.parseDouble(text));
        assertTrue(ex.getMessage().contains("'" + text + "'"), ex.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "1.0", "1e3", "2147483648", "9223372036854775808", ""})
    void wholeNumbersAreDigitsInTheirRange(String text) {
        assertThrows(NumberFormatException.class, () -> Numbers.parseInt(text));
        assertEquals(-42, Numbers.parseInt("-42"));
        assertEquals(9223372036854775807L, Numbers.parseLong("9223372036854775807"));
    }
}
