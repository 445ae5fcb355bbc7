import Testing
@testable import LearnTensor

@Suite struct AutogradTests {
    @Test func gradientsAccumulateUntilZeroed() {
        let x = Tensor([2], shape: [1], requiresGrad: true)
        (x * 3).sum().backward()
        (x * 3).sum().backward()
        #expect(x.grad == [6])
        x.zeroGrad()
        #expect(x.grad == [0])
    }

    @Test func backwardTwiceOnOneLossAddsTheSameAmountTwice() {
        let x = Tensor([1, 2], shape: [2], requiresGrad: true)
        let loss = (x.squared() * 2).sum()
        loss.backward()
        loss.backward()
        #expect(x.grad == [8, 16])
    }

    /// An intermediate's gradient starts empty each pass: the first product to reach it
    /// writes it, the next adds to it, and a second pass gives the same totals again.
    @Test func firstProductWritesAnIntermediateGradientAndLaterOnesAdd() {
        let x = Tensor([1, 2, 3, 4], shape: [2, 2], requiresGrad: true)
        let h = x * 1
        let identity = Tensor([1, 0, 0, 1], shape: [2, 2]), double = Tensor([2, 0, 0, 2], shape: [2, 2])
        let loss = (linear(h, weight: identity, bias: nil) + linear(h, weight: double, bias: nil)).sum()
        loss.backward()
        #expect(h.grad == [3, 3, 3, 3])
        #expect(x.grad == [3, 3, 3, 3])
        loss.backward()
        #expect(h.grad == [3, 3, 3, 3])
        #expect(x.grad == [6, 6, 6, 6])
    }

    @Test func diamondGraphSumsBothPaths() {
        // y = x·e^x + x  →  dy/dx = e^x + x e^x + 1
        expectGradients([randomTensor([3], seed: 1)]) { $0[0] * $0[0].exp() + $0[0] }
        let x = Tensor([0], shape: [1], requiresGrad: true)
        (x * x.exp() + x).sum().backward()
        #expect(x.grad == [2])
    }

    @Test func withoutGradRecordsNothing() {
        let w = Tensor([1, 2], shape: [2], requiresGrad: true)
        let y = Tensor.withoutGrad { (w * 2).sum() }
        #expect(!y.requiresGrad)
        #expect(y.inputs.isEmpty)
        #expect((w * 2).requiresGrad)
    }

    @Test func topologicalOrderListsInputsFirst() {
        let a = Tensor([1], shape: [1], requiresGrad: true)
        let b = a.exp()
        let c = (b * a).sum()
        let order = c.topologicalOrder()
        #expect(order.count == 4)
        #expect(order.first === a && order.last === c)
        #expect(order.firstIndex { $0 === b }! < order.firstIndex { $0.op == "*" }!)
    }

    @Test func graphIsFreedWhenTheLossIsDropped() {
        let w = Tensor([1, 2, 3], shape: [3], requiresGrad: true)
        weak var intermediate: Tensor?
        do {
            let hidden = (w * 2).tanh()
            intermediate = hidden
            let loss = hidden.sum()
            loss.backward()
            #expect(intermediate != nil)
        }
        #expect(intermediate == nil)
        #expect(w.inputs.isEmpty)
    }

    @Test func parametersHoldNoGraphAcrossSteps() {
        let w = Tensor([0.5, -0.5], shape: [2], requiresGrad: true)
        let opt = SGD([w], lr: 0.01)
        weak var lastLoss: Tensor?
        for _ in 0..<100 {
            opt.zeroGrad()
            let loss = (w.tanh() - 1).squared().sum()
            lastLoss = loss
            loss.backward()
            opt.step()
        }
        #expect(lastLoss == nil)
        #expect(w.inputs.isEmpty && w.op == "leaf")
    }

    @Test func leafWithoutRequiresGradHasEmptyGradient() {
        let x = Tensor([1], shape: [1])
        #expect(x.grad.isEmpty)
        x.requiresGrad = true
        #expect(x.grad == [0])
    }

    @Test func descriptionPrintsAMatrix() {
        let t = Tensor([1, -2.5, 0.125, 4], shape: [2, 2])
        #expect(t.description == "Tensor[2, 2]\n[\n [1.0000, -2.5000]\n [0.1250, 4.0000]\n]")
        #expect(Tensor(scalar: 3).description == "Tensor[] 3.0000")
    }

    @Test func trainingIsBitIdenticalForTheSameSeed() {
        func run() -> [Float] {
            var rng = RandomSource(seed: 42)
            let (w1, b1) = Init.linear(out: 8, in: 3, rng: &rng)
            let (w2, b2) = Init.linear(out: 2, in: 8, rng: &rng)
            let x = Tensor.normal([16, 3], rng: &rng)
            let targets = (0..<16).map { _ in rng.int(below: 2) }
            let opt = Adam([w1, b1, w2, b2], lr: 0.01)
            for _ in 0..<20 {
                opt.zeroGrad()
                let logits = linear(linear(x, weight: w1, bias: b1).relu(), weight: w2, bias: b2)
                crossEntropy(logits: logits, targets: targets).backward()
                clipGradNorm([w1, b1, w2, b2], maxNorm: 1)
                opt.step()
            }
            return w1.data + b1.data + w2.data + b2.data
        }
        #expect(run() == run())
    }
}
