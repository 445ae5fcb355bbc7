/// Every word of the interface in each language, one table: the English text is the key
/// and the fallback, `%@` marks each value filled in, in order. A string missing from a
/// language's table shows in English. Lesson text is not here: it comes from the
/// translated lesson files. Panel names (`loss`, `fit`) stay as written in every
/// language: lessons name them so; the words after a panel's name are here.
public enum Strings {
    /// `english` in `language` with `%@` replaced by `values` in order.
    public static func text(_ english: String, language: String?, _ values: [String] = []) -> String {
        let template = language.flatMap { tables[$0]?[english] } ?? english
        guard !values.isEmpty else { return template }
        var out = ""
        var rest = Substring(template)
        var next = values.makeIterator()
        while let hole = rest.range(of: "%@") {
            out += rest[..<hole.lowerBound]
            out += next.next() ?? "%@"
            rest = rest[hole.upperBound...]
        }
        return out + rest
    }

    /// The languages the interface speaks besides English.
    public static var languages: [String] { tables.keys.sorted() }

    static let tables: [String: [String: String]] = ["zh": zh]

    static let zh: [String: String] = [
        // Header and status line.
        "page %@/%@": "第 %@/%@ 页",
        "diverged": "已发散", "training": "训练中", "done": "已完成", "paused": "已暂停",
        "step %@/%@": "第 %@/%@ 步",
        "loss %@": "损失 %@",
        "lr %@": "学习率 %@",
        "pace ≤%@ steps/s": "速度 ≤%@ 步/秒",
        "%@ fps": "%@ 帧/秒",
        "1–%@ predict first, then it runs  ? help ": "先按 1–%@ 预测，然后开始运行  ? 帮助 ",
        "replaying": "回放中", "rewound": "已回退",
        "space run  s step  r restart  , < scrub  k knobs  ? help ": "空格 运行  s 单步  r 重来  , < 回看  k 旋钮  ? 帮助 ",
        "space pause  , < scrub back  k knobs  ? help ": "空格 暂停  , < 回看  k 旋钮  ? 帮助 ",
        "space replays  k branches  , . < > scrub  ? help ": "空格 回放  k 分支  , . < > 回看  ? 帮助 ",
        "r restart  , < scrub back  k knobs  ? help ": "r 重来  , < 回看  k 旋钮  ? 帮助 ",
        "space goes on  r restart  , < scrub  k knobs  ? help ": "空格 继续  r 重来  , < 回看  k 旋钮  ? 帮助 ",
        "replaying from step %@ — turn a knob (k) to branch instead": "从第 %@ 步回放——想分支就转动旋钮（k）",
        "this is the start of the run": "这是训练的起点",
        "this is the furthest step trained — space trains on": "这是已训练到的最远一步——按空格继续训练",
        "→ next  ← back  t contents  ? help  q quit ": "→ 下一页  ← 上一页  t 目录  ? 帮助  q 退出 ",
        "%@ more lines %@ (j)": "还有 %@ 行 %@ (j)",
        "end of page · → next": "本页完 · → 下一页",
        "this cell cannot run: %@": "这个单元无法运行：%@",
        " diverged in step %@: %@ became %@ · showing step %@ · r resets": " 第 %@ 步发散：%@ 变成了 %@ · 显示第 %@ 步 · r 重置",
        "terminal too small": "终端太小", "need %@×%@": "需要 %@×%@", "have %@×%@": "现在 %@×%@", "q quits": "q 退出",
        // Boxes.
        "keys · Esc closes": "按键 · Esc 关闭",
        "contents · ↑↓ choose, Enter opens": "目录 · ↑↓ 选择，Enter 打开",
        "%@ min": "%@ 分钟",
        "knobs · ↑↓ choose, ←→ change, Esc closes": "旋钮 · ↑↓ 选择，←→ 调整，Esc 关闭",
        "  (restarts)": "  （重新开始）",
        "step %@ · %@/%@ %@ · ←→ PgDn ↑↓ x Esc": "第 %@ 步 · %@/%@ %@ · ←→ PgDn ↑↓ x Esc",
        "glossary · ↑↓ choose, Enter opens the page": "术语表 · ↑↓ 选择，Enter 打开所在页",
        "no glossary: this course marks no terms": "没有术语表：本课程没有标注术语",
        "search · type, Enter jumps, Esc closes": "搜索 · 输入文字，Enter 跳转，Esc 关闭",
        "/ %@": "/ %@",
        "%@ pages match": "%@ 页匹配",
        "no page matches": "没有匹配的页面",
        "type a word to search every page": "输入一个词，搜索所有页面",
        // Key help.
        "next page": "下一页", "previous page": "上一页", "next / previous lesson": "下一课 / 上一课",
        "first / last page": "第一页 / 最后一页", "table of contents": "目录", "scroll the text": "滚动文字",
        "one training step": "训练一步",
        "restart from the seed, and run": "从种子重新开始并运行", "faster / slower training": "训练加快 / 减慢",
        "knobs: ↑↓ choose, ←→ change": "旋钮：↑↓ 选择，←→ 调整", "answer the question or prediction": "回答问题或预测",
        "show the next hint": "显示下一条提示",         "text / panels on narrow screens": "窄屏上切换文字 / 面板", "close this box": "关闭这个框",
        "focus the next panel (Esc leaves)": "聚焦下一个面板（Esc 离开）", "zoom the focused panel (Esc back)": "放大聚焦的面板（Esc 返回）",
        "focused panel: move the cursor, read its value below": "聚焦的面板：移动光标，在下方读数",
        "focused panel: other head, gate or matrix": "聚焦的面板：换一个头、门或矩阵",
        "focused panel: more rows / units": "聚焦的面板：更多行 / 单元",
        "run / pause (a finished run goes on, a rewound one replays)": "运行 / 暂停（已结束的运行会继续，倒回的运行会重放）",
        "scrub: one step back / forward through the run": "拖动：在运行中后退 / 前进一步",
        "scrub a tenth of the run back / forward": "拖动：后退 / 前进运行的十分之一",
        "  a knob turned at an earlier step branches a new run there": "  在较早的一步调节旋钮，会从那里分出一次新运行",
        "step inside one training step: ←→ stages, PgUp PgDn parts, ↑↓ example": "走进一个训练步：←→ 阶段，PgUp PgDn 部分，↑↓ 样本",
        "weight and gradient maps: one scale held over the run, or each step's own": "权重和梯度图：整个运行用同一刻度，或每步各用各的",
        "glossary: every term, in both languages": "术语表：每个术语的中英对照",
        "search every page; n next hit, Esc ends": "搜索所有页面；n 下一处，Esc 结束",
        "this help": "本帮助", "quit (your place is saved)": "退出（会记住你的位置）",
        "heatmap: positive, or larger (weak → strong)": "热图：正值或较大值（弱 → 强）",
        "heatmap: negative (weak → strong)": "热图：负值（弱 → 强）",
        "masked: a future position attention may not see": "遮蔽：注意力看不到的未来位置",
        "landscape: the paths of the runs (cell's own, compare runs), @ where each is now": "损失地形：各次运行的路径（本单元的和对比运行的），@ 是每条路径现在的位置",
        "decision regions: one family per class, denser = surer": "决策区域：每个类别一种符号，越密越确定",
        "the cursor of a focused panel": "聚焦面板的光标", "a space, a newline in a sequence": "序列中的空格、换行",
        // Page text.
        "This lesson has no pages.": "这一课没有页面。",
        "> **Live:** `%@` trains in the panels — `space` run/pause, `s` one step, `r` reset.":
            "> **实时：**`%@` 正在面板里训练——`空格` 运行/暂停，`s` 单步，`r` 重置。",
        "> **Live:** `%@` trains in the panels — `space` run/pause, `s` one step, `r` reset, `k` knobs (%@).":
            "> **实时：**`%@` 正在面板里训练——`空格` 运行/暂停，`s` 单步，`r` 重置，`k` 旋钮（%@）。",
        " On a narrow screen `Tab` shows the panels.": "窄屏上按 `Tab` 显示面板。",
        "**Predict first:** ": "**先预测：**",
        " ← your prediction": " ← 你的预测",
        "*Press 1–%@ to predict; the run starts after you answer.*": "*按 1–%@ 作出预测；回答之后开始运行。*",
        "*Watch the run: the answer shows when it ends.*": "*看着它运行：结束时揭晓答案。*",
        "**You predicted right.**": "**预测对了。**",
        "**Not what happened:** the answer is %@.": "**结果不是这样：**答案是 %@。",
        "**Exercise:** ": "**练习：**",
        "- goal `%@` — now %@ %@": "- 目标 `%@` —— 现在 %@ %@",
        "- goal `%@` — now n/a %@": "- 目标 `%@` —— 运行结束后揭晓 %@",
        "**✓ Solved.**": "**✓ 完成。**",
        "*Not yet: turn the knobs (`k`), and let the run finish (`r` starts it again).*":
            "*还没有：调节旋钮（`k`），让这次运行跑完（`r` 重新开始）。*",
        "**Question:** ": "**问题：**",
        "**Right.**": "**答对了。**",
        "**Not quite.**": "**不太对。**",
        " *Press 1–%@ to try again.*": " *按 1–%@ 再试一次。*",
        "*Press 1–%@ to answer.*": "*按 1–%@ 作答。*",
        "> **Hint:** ": "> **提示：**",
        "*Stuck? Press `h` for a hint.*": "*卡住了？按 `h` 看提示。*",
        // Messages.
        "this page has no knobs": "这一页没有旋钮",
        "this is the last page of the course": "这是课程的最后一页",
        "this is the first page of the course": "这是课程的第一页",
        "nothing to train on this page": "这一页没有要训练的模型",
        "training diverged: press r to reset": "训练发散了：按 r 重置",
        "going on for another %@ steps": "再训练 %@ 步",
        "reset to the start (seed %@)": "重置到起点（种子 %@）",
        " (restarted)": "（已重新开始）",
        "cannot set %@: %@": "无法设置 %@：%@",
        "choose 1–%@": "请选 1–%@",
        "noted — now watch the run": "记下了——现在看它运行",
        "right!": "答对了！",
        "not quite — read the explanation and try again": "不太对——读一读解释，再试一次",
        "no hints on this page": "这一页没有提示",
        "no more hints on this page": "这一页没有更多提示了",
        "predict first: press 1–%@, then the run starts": "先预测：按 1–%@，然后开始运行",
        "exercise solved!": "练习完成！",
        "this page has no panels": "这一页没有面板",
        "this panel has one map": "这个面板只有一张图",
        "the whole panel is on screen": "整个面板都已显示",
        "a step is under way — press x again": "一步正在进行——再按一次 x",
        "learn did not close cleanly on this page last time": "上次 learn 没有在这一页正常关闭",
        "hit %@/%@ for “%@” · n next · Esc ends the search": "第 %@/%@ 处 “%@” · n 下一处 · Esc 结束搜索",
        "search ended": "搜索结束",
        "read": "已读完",
        "%@ answered": "已答 %@ 题",
        "%@ solved": "已解 %@ 题",
        "no weight or gradient maps on this page": "这一页没有权重图或梯度图",
        "maps scaled to this step's largest entry": "图按这一步的最大值着色",
        "maps hold one scale: the largest entry so far in the run": "图保持同一标度：本次运行至今的最大值",
        // Panels: titles after the panel's name, legends, notes, readouts. A panel's name
        // (`loss`, `samples`, `decision`, `weights`, `gradients` …) stays in Latin letters:
        // the lessons name the panels so in every language.
        "%@: no cursor in this panel": "%@：这个面板没有光标",
        "loss %@ (best %@)": "loss %@ (最佳 %@)",
        "loss %@ at step %@ (best %@)": "loss %@ 第 %@ 步 (最佳 %@)",
        "decision regions · accuracy %@%": "decision 区域 · 准确率 %@%",
        "decision regions": "decision 区域",
        "gradient size at each time step": "每个时间步的梯度大小",
        "positional encoding": "位置编码",
        "samples · temperature %@": "samples · 温度 %@",
        "samples · greedy answers": "samples · 贪心解码的答案",
        "held scale (m)": "固定刻度 (m)", "scale per step (m)": "逐步刻度 (m)",
        "main": "主运行", "train": "训练", "validation": "验证", "later": "之后", "before": "之前",
        "target": "目标", "data": "数据", "model": "模型",
        "no steps yet": "还没有训练步", "no scalar parameters": "没有标量参数", "no 1-D data to draw": "没有可画的一维数据",
        "no 2-D data to draw": "没有可画的二维数据", "not a feed-forward network": "不是前馈网络",
        "needs a model with exactly two weights": "需要恰好有两个权重的模型",
        "outside the map": "在图外", "class %@ (%@), p = %@": "类别 %@ (%@)，p = %@",
        " transposed": " 已转置", "%@%@ = %@ · grad %@": "%@%@ = %@ · 梯度 %@",
        "loss over %@ →, %@ ↑ · log shading": "loss 随 %@ →、%@ ↑ · 对数着色",
        "loss over %@ →, %@ ↑ · linear shading": "loss 随 %@ →、%@ ↑ · 线性着色",
        "%@ = %@, %@ = %@ · loss %@": "%@ = %@，%@ = %@ · 损失 %@",
        "output(x₁,x₂)": "输出(x₁,x₂)",
        " · top %@/%@ by mean": " · 按均值前 %@/%@", " · top %@/%@ by variance": " · 按方差前 %@/%@",
        " · %@–%@/%@ by mean": " · 按均值第 %@–%@/%@", " · %@–%@/%@ by variance": " · 按方差第 %@–%@/%@",
        " · top %@/%@": " · 前 %@/%@", " · %@–%@/%@": " · 第 %@–%@/%@",
        "%@ · unit %@ · t = %@%@ · %@": "%@ · 单元 %@ · t = %@%@ · %@",
        "no hidden state": "没有隐藏状态",
        "no gates in this model": "这个模型没有门",
        "i input gate": "i 输入门", "f forget gate": "f 遗忘门", "g candidate": "g 候选值", "o output gate": "o 输出门",
        "c cell state": "c 细胞状态", "r reset gate": "r 重置门", "z update gate": "z 更新门", "n candidate": "n 候选值",
        "+%@ gates: f, then < >": "另有 %@ 个门：先 f，再 < >", "+%@ gates: < >": "另有 %@ 个门：< >",
        "+%@ maps: f, then < >": "另有 %@ 张图：先 f，再 < >", "+%@ maps: < >": "另有 %@ 张图：< >",
        "no gradient yet": "还没有梯度",
        "no attention": "没有注意力",
        "%@ · rows %@–%@ of %@": "%@ · 第 %@–%@ 行，共 %@", " · keys %@–%@ of %@": " · 键 %@–%@，共 %@",
        "masked (future)": "已遮蔽（未来）", "weight %@": "权重 %@",
        "%@ · query \"%@\" (%@) → key \"%@\" (%@) · %@": "%@ · 查询 “%@” (%@) → 键 “%@” (%@) · %@",
        "no positional encoding": "没有位置编码",
        "PE[position %@–%@ ↓, dim 0–%@ →]": "PE[位置 %@–%@ ↓，维度 0–%@ →]",
        "PE[position %@, dimension %@] = %@": "PE[位置 %@，维度 %@] = %@",
        "no embeddings": "没有嵌入", "first two principal components": "前两个主成分",
        "token \"%@\" (%@ of %@) · PC1 %@, PC2 %@": "词元 “%@” (第 %@ 个，共 %@) · PC1 %@，PC2 %@",
        "no samples": "没有样本",
        "held-out 1: %@ right, %@ wrong": "留出集第 1 个：对 %@，错 %@",
        "held-out 1–%@: %@ right, %@ wrong": "留出集 1–%@：对 %@，错 %@",
        "training 1: %@ right, %@ wrong": "训练集第 1 个：对 %@，错 %@",
        "training 1–%@: %@ right, %@ wrong": "训练集 1–%@：对 %@，错 %@",
        "held-out 1: %@/%@ right": "留出集第 1 个：对 %@/%@", "held-out 1–%@: %@/%@ right": "留出集 1–%@：对 %@/%@",
        "training 1: %@/%@ right": "训练集第 1 个：对 %@/%@", "training 1–%@: %@/%@ right": "训练集 1–%@：对 %@/%@",
        "%@% batch, %@% held out": "本批 %@%，留出集 %@%", "right: %@% of the batch": "答对：本批 %@%",
        "  right: %@": "  正确：%@", "    right: %@": "    正确：%@", "right answer: %@": "正确答案：%@",
        "next character right: %@% of the batch": "下一个字符答对：本批 %@%",
        "symbols right: %@% of the batch": "符号答对：本批 %@%",
        "%@% held out": "留出集 %@%",
        // learn list.
        "%@/%@ questions right": "答对 %@/%@ 题",
        "%@/%@ exercises": "练习 %@/%@",
        "(in English: not translated yet)": "（英文：尚未翻译）",
        "(in English: its translation has errors, see learn lint)": "（英文：译文有错误，见 learn lint）",
    ]
}

extension Look {
    /// `english` in this look's language, `%@` filled with `values`.
    public func tr(_ english: String, _ values: CustomStringConvertible...) -> String {
        Strings.text(english, language: language, values.map(\.description))
    }
}
