import Testing
@testable import LearnRender

/// Every widget drawn into a grid pre-filled with `x`, compared as text, in both glyph sets.
@Suite struct WidgetGoldenTests {
    @Test func lineChartAscii() {
        Golden.expect(widget("lineChart").render(.ascii), [
            "- loss 0.3  xxxxxxxxxxxxxxxxxx",
            "4+'.xxxxxxxxxxxxxxxxxxxxxxxxxx",
            "x|xx'.xxxxxxxxxxxxxxxxxxxxxxxx",
            "x|xxxx''-xxxxxxxxxxxxxxxxx.xxx",
            "2+xxxxxxxxxxxx.xxxxxxxxxx|x|xx",
            "x|xxxxxxxxxxxxx'-..xxxxx|xxx|x",
            "x|xxxxxxxxxxxxxxxxx'''-'xxxx'.",
            "x++--------------+------------",
            "xx0xxxxxxxxxxxxxx5xxxxxxxxxxxx",
        ])
    }

    @Test func lineChartUnicode() {
        Golden.expect(widget("lineChart").render(.unicode), [
            "━ loss 0.3  xxxxxxxxxxxxxxxxxx",
            "4┤⠑⢄xxxxxxxxxxxxxxxxxxxxxxxxxx",
            "x│xx⠑⢄⡀xxxxxxxxxxxxxxxxxxxxxxx",
            "x│xxxx⠈⠑⠂xxxxxxxxxxxxxxxxx⡰⡀xx",
            "2┤xxxxxxxxxxxxxxxxxxxxxxx⡰⠁⠱⡀x",
            "x│xxxxxxxxxxxx⠉⠒⠤⣀⣀xxxxx⡰⠁xx⢣x",
            "x│xxxxxxxxxxxxxxxxx⠉⠉⠑⠒⠴⠁xxxx⢣",
            "x└┬──────────────┬────────────",
            "xx0xxxxxxxxxxxxxx5xxxxxxxxxxxx",
        ])
    }

    @Test func lineChartLogDownsampledAscii() {
        Golden.expect(widget("lineChartLogDownsampled").render(.ascii), [
            "loss  xxxxxxxxxxxxxxxxxxxxxxxx",
            "x100+xxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxx|---....xxxxx.xxxxxxxxxxxx",
            "xxx1+xxxxxx''''--'....xxxxxxxx",
            "xxxx|xxxxxxxxxxxxxxxx''''--...",
            "0.01+xxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxx++---------+--------+-----",
            "xxxxx0xxxxxxxx200xxxxxx400xxxx",
        ])
    }

    @Test func lineChartLogDownsampledUnicode() {
        Golden.expect(widget("lineChartLogDownsampled").render(.unicode), [
            "loss  xxxxxxxxxxxxxxxxxxxxxxxx",
            "x100┤xxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxx│⠒⠒⠦⠤⣄⣀⣀xxxxx⢠xxxxxxxxxxxx",
            "xxx1┤xxxxxx⠈⠉⠉⠓⠒⠲⠾⢤⣀⣀⡀xxxxxxxx",
            "xxxx│xxxxxxxxxxxxxxxx⠉⠉⠙⠒⠒⠦⠤⣄⣀",
            "0.01┤xxxxxxxxxxxxxxxxxxxxxxxxx",
            "xxxx└┬─────────┬────────┬─────",
            "xxxxx0xxxxxxxx200xxxxxx400xxxx",
        ])
    }

    @Test func lineChartFitAscii() {
        Golden.expect(widget("lineChartFit").render(.ascii), [
            "o data 2.1  - k=2 2  xxxxx",
            "x2+xxxxxxxxxxxxxxxxxxx.--o",
            "xx|xxxxxxxxxxxxxx.--o'xxxx",
            "x0+xxxxxxxxx..o''xxxxxxxxx",
            "xx|xxxx..o-'xxxxxxxxxxxxxx",
            "-2+o--'xxxxxxxxxxxxxxxxxxx",
            "xx++----------+----------+",
            "xx-1xxxxxxxxxx0xxxxxxxxxx1",
        ])
    }

    @Test func lineChartFitUnicode() {
        Golden.expect(widget("lineChartFit").render(.unicode), [
            "• data 2.1  ━ k=2 2  xxxxx",
            "x2┤xxxxxxxxxxxxxxxxxx⢀⣀⠤⠒•",
            "xx│xxxxxxxxxxxxxx⣀⠤⠒•⠁xxxx",
            "x0┤xxxxxxxxx⣀⡠•⠊⠉xxxxxxxxx",
            "xx│xxxx⢀⡠•⠒⠉xxxxxxxxxxxxxx",
            "-2┤•⠤⠒⠉⠁xxxxxxxxxxxxxxxxxx",
            "xx└┬──────────┬──────────┬",
            "xx-1xxxxxxxxxx0xxxxxxxxxx1",
        ])
    }

    @Test func heatmapHalfBlockWithPathAscii() {
        Golden.expect(widget("heatmapHalfBlockWithPath").render(.ascii), [
            "pooled 2xx",
            "#*#+++===x",
            "+++...,,,x",
            "===,,,+@+x",
        ])
    }

    @Test func heatmapHalfBlockWithPathUnicode() {
        Golden.expect(widget("heatmapHalfBlockWithPath").render(.unicode), [
            "*▀▀▀▀▀xxxx",
            "▀▀▀▀▀▀xxxx",
            "▀▀▀▀▀@xxxx",
            "xxxxxxxxxx",
        ])
    }

    @Test func barsVerticalSignedAscii() {
        Golden.expect(widget("barsVerticalSigned").render(.ascii), [
            "#xxxxxxx",
            "#xxxxxxx",
            "#xxx=xxx",
            "--------",
            "xx=xxx=x",
            "xx=xxx=x",
            "xxxxxx=x",
        ])
    }

    @Test func barsVerticalSignedUnicode() {
        Golden.expect(widget("barsVerticalSigned").render(.unicode), [
            "█xxxxxxx",
            "█xxxxxxx",
            "█xxx▆xxx",
            "────────",
            "xx▒xxx▒x",
            "xx▒xxx▒x",
            "xxxxxx▒x",
        ])
    }

    @Test func heatmapSignedAscii() {
        Golden.expect(widget("heatmapSigned").render(.ascii), [
            "Wxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxyxxzxxxxxxxxxxxxx",
            "ax###%%%+++xxxxxxxxxxx",
            "bx---...,,,xxxxxxxxxxx",
            "cx   ***===xxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "-1 %=-, 0 .+*# 1xxxxxx",
        ])
    }

    @Test func heatmapSignedUnicode() {
        Golden.expect(widget("heatmapSigned").render(.unicode), [
            "Wxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxyxxzxxxxxxxxxxxxx",
            "ax███⣿⣿⣿▒▒▒xxxxxxxxxxx",
            "bx⣤⣤⣤░░░⣀⣀⣀xxxxxxxxxxx",
            "cx   ▓▓▓⣶⣶⣶xxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "-1 ⣿⣶⣤⣀ 0 ░▒▓█ 1xxxxxx",
        ])
    }

    @Test func heatmapAttentionAscii() {
        Golden.expect(widget("heatmapAttention").render(.ascii), [
            "xx?xx?xx?xxxxxxxxxxx",
            "?x@@@ ~  ~ xxxxxxxxx",
            "?x===*** ~ xxxxxxxxx",
            "?x:::---+++xxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "0 -+#@ 1xxxxxxxxxxxx",
        ])
    }

    @Test func heatmapAttentionUnicode() {
        Golden.expect(widget("heatmapAttention").render(.unicode), [
            "xxx我x爱x你xxxxxxxxx",
            "我x███ ·  · xxxxxxxx",
            "爱x▒▒▒▓▓▓ · xxxxxxxx",
            "你x░░░▒▒▒▒▒▒xxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "0 ░▒▓█ 1xxxxxxxxxxxx",
        ])
    }

    @Test func heatmapPooledAscii() {
        Golden.expect(widget("heatmapPooled").render(.ascii), [
            "bigxxpooled 5xxx",
            "%%%---+++###xxxx",
            "%%%---+++###xxxx",
            "%%%---+++###xxxx",
            "%%%---+++###xxxx",
            "-9.5 %=-, 0 .+*#",
        ])
    }

    @Test func heatmapPooledUnicode() {
        Golden.expect(widget("heatmapPooled").render(.unicode), [
            "bigxxpooled 5×xx",
            "⣿⣿⣿⣤⣤⣤▒▒▒███xxxx",
            "⣿⣿⣿⣤⣤⣤▒▒▒███xxxx",
            "⣿⣿⣿⣤⣤⣤▒▒▒███xxxx",
            "⣿⣿⣿⣤⣤⣤▒▒▒███xxxx",
            "-9.5 ⣿⣶⣤⣀ 0 ░▒▓█",
        ])
    }

    @Test func fieldAscii() {
        Golden.expect(widget("field").render(.ascii), [
            "1.0+##o#....----====",
            "xxx|####....----====",
            "0.5+####....----====",
            "xxx|####....----====",
            "0.0+####....----==x=",
            "xxx++-------+------+",
            "xxx0.0xxxxx0.5xxx1.0",
        ])
    }

    @Test func fieldUnicode() {
        Golden.expect(widget("field").render(.unicode), [
            "1.0┤▓▓o▓░░░░⠂⠂⠂⠂⠶⠶⠶⠶",
            "xxx│▓▓▓▓░░░░⠂⠂⠂⠂⠶⠶⠶⠶",
            "0.5┤▓▓▓▓░░░░⠂⠂⠂⠂⠶⠶⠶⠶",
            "xxx│▓▓▓▓░░░░⠂⠂⠂⠂⠶⠶⠶⠶",
            "0.0┤▓▓▓▓░░░░⠂⠂⠂⠂⠶⠶x⠶",
            "xxx└┬───────┬──────┬",
            "xxx0.0xxxxx0.5xxx1.0",
        ])
    }

    @Test func barsHorizontalSignedAscii() {
        Golden.expect(widget("barsHorizontalSigned").render(.ascii), [
            "ixxxxxxxxx|####xxxxx0.5x",
            "fxx=======|xxxxxxxxx-1xx",
            "oxxxxxxxxx|##xxxxxxx0.25",
            "gxxxxxxxxx|#######xx1xxx",
        ])
    }

    @Test func barsHorizontalSignedUnicode() {
        Golden.expect(widget("barsHorizontalSigned").render(.unicode), [
            "ixxxxxxxxx│███▌xxxxx0.5x",
            "fxx▒▒▒▒▒▒▒│xxxxxxxxx-1xx",
            "oxxxxxxxxx│█▊xxxxxxx0.25",
            "gxxxxxxxxx│███████xx1xxx",
        ])
    }

    @Test func barsVerticalLogAscii() {
        Golden.expect(widget("barsVerticalLog").render(.ascii), [
            "logxxxxxxxxx",
            "##xxxxxmax 1",
            "##x##xxxxxxx",
            "##x##x##xxxx",
            "##x##x##x##x",
            "1xx2xx3xx4xx",
        ])
    }

    @Test func barsVerticalLogUnicode() {
        Golden.expect(widget("barsVerticalLog").render(.unicode), [
            "logxxxxxxxxx",
            "██xxxxxmax 1",
            "██x██xxxxxxx",
            "██x██x██xxxx",
            "██x██x██x██x",
            "1xx2xx3xx4xx",
        ])
    }

    @Test func sparklineAscii() {
        Golden.expect(widget("sparkline").render(.ascii), [
            "___..==##x#_",
        ])
    }

    @Test func sparklineUnicode() {
        Golden.expect(widget("sparkline").render(.unicode), [
            "▁▁▂▃▄▅▆▇█x█▁",
        ])
    }

    @Test func scatterAscii() {
        Golden.expect(widget("scatter").render(.ascii), [
            "1.0+xxxxxxxxxxxxxxxxx??o",
            "xxx|xxxxxxxxxxxxxxxxxxxx",
            "0.5+xxxxxxxxxxodogxxxxxx",
            "0.0+ocatxxxxxxxxxxxxxxxx",
            "xxx++---------+--------+",
            "xxx0.0xxxxxxx0.5xxxxx1.0",
        ])
    }

    @Test func scatterUnicode() {
        Golden.expect(widget("scatter").render(.unicode), [
            "1.0┤xxxxxxxxxxxxxxx我们•",
            "xxx│xxxxxxxxxxxxxxxxxxxx",
            "0.5┤xxxxxxxxxx•dogxxxxxx",
            "0.0┤•catxxxxxxxxxxxxxxxx",
            "xxx└┬─────────┬────────┬",
            "xxx0.0xxxxxxx0.5xxxxx1.0",
        ])
    }

    @Test func networkAscii() {
        Golden.expect(widget("network").render(.ascii), [
            "xxxxxxxxxxxxxxxxxxxx",
            "O=========xxxxxxxxxx",
            "xxxxxxxxxx\\========O",
            "O.........xxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
        ])
    }

    @Test func networkUnicode() {
        Golden.expect(widget("network").render(.unicode), [
            "xxxxxxxxxxxxxxxxxxxx",
            "●━━━━━━━━━xxxxxxxxxx",
            "xxxxxxxxxx╲━━━━━━━━●",
            "●┄┄┄┄┄┄┄┄┄xxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxx",
        ])
    }

    @Test func borderAscii() {
        Golden.expect(widget("border").render(.ascii), [
            "+ weights ... -+",
            "|xxxxxxxxxxxxxx|",
            "+--------------+",
        ])
    }

    @Test func borderUnicode() {
        Golden.expect(widget("border").render(.unicode), [
            "┌ weights … ───┐",
            "│xxxxxxxxxxxxxx│",
            "└──────────────┘",
        ])
    }

    @Test func textBlockAscii() {
        Golden.expect(widget("textBlock").render(.ascii), [
            "Titlexxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "Plain bold and em with",
            "code wraps here.xxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "- onexxxxxxxxxxxxxxxxx",
            "- two wordsxxxxxxxxxxx",
            "1. firstxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "| quotedxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "  let x = 123456789012",
            "  3456789xxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "????????????xxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
        ])
    }

    @Test func textBlockUnicode() {
        Golden.expect(widget("textBlock").render(.unicode), [
            "Titlexxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "Plain bold and em with",
            "code wraps here.xxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "• onexxxxxxxxxxxxxxxxx",
            "• two wordsxxxxxxxxxxx",
            "1. firstxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "▌ quotedxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "  let x = 123456789012",
            "  3456789xxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
            "我爱你我爱你我爱你我爱",
            "你xxxxxxxxxxxxxxxxxxxx",
            "xxxxxxxxxxxxxxxxxxxxxx",
        ])
    }
}
