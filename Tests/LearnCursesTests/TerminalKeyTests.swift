import CNCurses
import Testing

@testable import LearnCurses

@Suite struct TerminalKeyTests {
    @Test func charactersOfAnyScript() {
        #expect(TerminalKey.decode(0x71, isKeyCode: false) == .character("q"))
        #expect(TerminalKey.decode(0x6211, isKeyCode: false) == .character("我"))
        #expect(TerminalKey.decode(0x20, isKeyCode: false) == .character(" "))
    }

    @Test func controlBytes() {
        #expect(TerminalKey.decode(3, isKeyCode: false) == .interrupt)
        #expect(TerminalKey.decode(9, isKeyCode: false) == .tab)
        #expect(TerminalKey.decode(13, isKeyCode: false) == .enter)
        #expect(TerminalKey.decode(10, isKeyCode: false) == .enter)
        #expect(TerminalKey.decode(27, isKeyCode: false) == .escape)
        #expect(TerminalKey.decode(127, isKeyCode: false) == .backspace)
        #expect(TerminalKey.decode(1, isKeyCode: false) == .control("a"))
        #expect(TerminalKey.decode(12, isKeyCode: false) == .control("l"))
        #expect(TerminalKey.decode(0, isKeyCode: false) == nil)
        #expect(TerminalKey.decode(0x9B, isKeyCode: false) == nil)
    }

    @Test func cursesKeyCodes() {
        func code(_ value: Int32) -> UInt32 { UInt32(bitPattern: value) }
        #expect(TerminalKey.decode(code(KEY_UP), isKeyCode: true) == .up)
        #expect(TerminalKey.decode(code(KEY_LEFT), isKeyCode: true) == .left)
        #expect(TerminalKey.decode(code(KEY_NPAGE), isKeyCode: true) == .pageDown)
        #expect(TerminalKey.decode(code(KEY_PPAGE), isKeyCode: true) == .pageUp)
        #expect(TerminalKey.decode(code(KEY_HOME), isKeyCode: true) == .home)
        #expect(TerminalKey.decode(code(KEY_END), isKeyCode: true) == .end)
        #expect(TerminalKey.decode(code(KEY_BTAB), isKeyCode: true) == .backTab)
        #expect(TerminalKey.decode(code(KEY_BACKSPACE), isKeyCode: true) == .backspace)
        #expect(TerminalKey.decode(code(cn_key_f(1)), isKeyCode: true) == .function(1))
        #expect(TerminalKey.decode(code(cn_key_f(12)), isKeyCode: true) == .function(12))
        #expect(TerminalKey.decode(code(KEY_MOUSE), isKeyCode: true) == nil)
    }
}
