package io.cepheid.executor.expression;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The character-level routines behind LEFT/RIGHT, the pads, REPLACE, TRANSLATE, REVERSE, SPLIT_PART, INITCAP. */
class Utf8TextTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Utf8Text.Output out) {
        return new String(out.bytes, 0, out.length, StandardCharsets.UTF_8);
    }

    @Test
    void positionsCountCharactersNotBytes() {
        byte[] value = bytes("héllo wörld");
        assertEquals(7, Utf8Text.position(value, value.length, bytes("wö"), 3));
        assertEquals(0, Utf8Text.position(value, value.length, bytes("xyz"), 3));
        assertEquals(1, Utf8Text.position(value, value.length, bytes(""), 0));
        assertEquals(11, Utf8Text.characterCount(value, value.length));
        assertEquals(3, Utf8Text.offsetOfCharacter(value, value.length, 2));
    }

    @Test
    void leftRightAndPads() {
        byte[] value = bytes("h€llo");
        Utf8Text.Output out = new Utf8Text.Output();
        Utf8Text.leftOrRight(value, value.length, 2, true, out);
        assertEquals("h€", text(out));
        out.clear();
        Utf8Text.leftOrRight(value, value.length, -1, false, out);
        assertEquals("€llo", text(out));
        out.clear();
        Utf8Text.leftOrRight(value, value.length, 99, false, out);
        assertEquals("h€llo", text(out));
        out.clear();
        Utf8Text.pad(value, value.length, 8, bytes("ü-"), 3, true, out);
        assertEquals("ü-üh€llo", text(out));
        out.clear();
        Utf8Text.pad(value, value.length, 3, bytes("x"), 1, false, out);
        assertEquals("h€l", text(out));
        out.clear();
        Utf8Text.pad(value, value.length, 0, bytes("x"), 1, false, out);
        assertEquals("", text(out));
    }

    @Test
    void replaceTranslateReverse() {
        byte[] value = bytes("ab€ab€");
        Utf8Text.Output out = new Utf8Text.Output();
        Utf8Text.replace(value, value.length, bytes("b€"), 4, bytes("X"), 1, out);
        assertEquals("aXaX", text(out));
        out.clear();
        Utf8Text.translate(value, value.length, bytes("€a"), 4, bytes("E"), 1, out);
        assertEquals("bEbE", text(out));
        out.clear();
        Utf8Text.reverse(value, value.length, out);
        assertEquals("€ba€ba", text(out));
        out.clear();
        byte[] emoji = bytes("a🙂b");
        Utf8Text.reverse(emoji, emoji.length, out);
        assertEquals("b🙂a", text(out));
    }

    @Test
    void splitPartAndInitcap() {
        byte[] value = bytes("a::b::::c");
        Utf8Text.Output out = new Utf8Text.Output();
        Utf8Text.splitPart(value, value.length, bytes("::"), 2, 2, out);
        assertEquals("b", text(out));
        out.clear();
        Utf8Text.splitPart(value, value.length, bytes("::"), 2, 3, out);
        assertEquals("", text(out));
        out.clear();
        Utf8Text.splitPart(value, value.length, bytes("::"), 2, 4, out);
        assertEquals("c", text(out));
        out.clear();
        Utf8Text.splitPart(value, value.length, bytes("::"), 2, 5, out);
        assertEquals("", text(out));
        out.clear();
        byte[] words = bytes("élan VITAL-x 2nd");
        Utf8Text.initcap(words, words.length, out);
        assertEquals("Élan Vital-X 2nd", text(out));
    }
}
