package com.coursedesk.service.paperwork;

/** A colour of the printed documents, as RGB from 0 to 1 (no AWT or JavaFX needed). */
record Ink(float red, float green, float blue) {

    static final Ink TEXT = rgb(0x1F, 0x23, 0x28);
    static final Ink MUTED = rgb(0x5F, 0x67, 0x70);
    static final Ink RULE = rgb(0xD0, 0xD7, 0xDE);
    static final Ink SHADE = rgb(0xF3, 0xF5, 0xF7);
    static final Ink ACCENT = rgb(0x0B, 0x5C, 0xAD);
    static final Ink WHITE = rgb(0xFF, 0xFF, 0xFF);
    static final Ink OK = rgb(0x1A, 0x7F, 0x37);
    static final Ink WARNING = rgb(0x9A, 0x67, 0x00);
    static final Ink DANGER = rgb(0xB4, 0x23, 0x18);

    static Ink rgb(int red, int green, int blue) {
        return new Ink(red / 255f, green / 255f, blue / 255f);
    }
}
