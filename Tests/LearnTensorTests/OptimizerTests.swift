import Testing
@testable import LearnTensor

@Suite struct OptimizerTests {
    @Test func sgdPlainStep() {
        let p = Tensor([1, -2], shape: [2], requiresGrad: true)
        p.grad = [0.5, -1]
        SGD([p], lr: 0.1).step()
        expectClose(p.data, [0.95, -1.9])
    }

    @Test func sgdMomentumTwoSteps() {
        let p = Tensor([1], shape: [1], requiresGrad: true)
        let opt = SGD([p], lr: 0.1, momentum: 0.9)
        p.grad = [1]
        opt.step()  // v = 1, p = 0.9
        expectClose(p.data, [0.9])
        p.grad = [2]
        opt.step()  // v = 0.9·1 + 2 = 2.9, p = 0.9 − 0.29
        expectClose(p.data, [0.61])
    }

    @Test func sgdWeightDecayAddsLambdaP() {
        let p = Tensor([1], shape: [1], requiresGrad: true)
        p.grad = [1]
        SGD([p], lr: 0.1, weightDecay: 0.1).step()  // g = 1 + 0.1·1
        expectClose(p.data, [0.89])
    }

    @Test func adamTwoStepsAgainstHandComputedValues() {
        let p = Tensor([1, -2], shape: [2], requiresGrad: true)
        let opt = Adam([p], lr: 0.1)
        p.grad = [0.5, -4]
        opt.step()
        expectClose(p.data, [0.900000002, -1.90000000025], tolerance: 1e-6)
        p.grad = [0.1, 1]
        opt.step()
        expectClose(p.data, [0.8196959063846517, -1.853053183290273], tolerance: 1e-6)
        #expect(opt.stepCount == 2)
    }

    @Test func optimiserZeroGradClearsEveryParameter() {
        let a = Tensor([1], shape: [1], requiresGrad: true), b = Tensor([1, 2], shape: [2], requiresGrad: true)
        a.grad = [3]
        b.grad = [4, 5]
        let opt: any Optimizer = Adam([a, b], lr: 0.01)
        opt.zeroGrad()
        #expect(a.grad == [0] && b.grad == [0, 0])
    }

    @Test func clipGradNormScalesToMaxNorm() {
        let a = Tensor([0], shape: [1], requiresGrad: true), b = Tensor([0], shape: [1], requiresGrad: true)
        a.grad = [3]
        b.grad = [4]
        #expect(gradNorm([a, b]) == 5)
        let before = clipGradNorm([a, b], maxNorm: 1)
        #expect(before == 5)
        expectClose(a.grad + b.grad, [0.6, 0.8])
    }

    @Test func clipGradNormLeavesSmallGradientsAlone() {
        let a = Tensor([0, 0], shape: [2], requiresGrad: true)
        a.grad = [0.3, 0.4]
        #expect(clipGradNorm([a], maxNorm: 1) == gradNorm([a]))
        #expect(a.grad == [0.3, 0.4])
    }

    @Test func sgdFitsALine() {
        // y = 3x: k converges to 3 under mean squared error.
        let k = Tensor([0], shape: [1], requiresGrad: true)
        let x = Tensor([1, 2, 3], shape: [3]), y = Tensor([3, 6, 9], shape: [3])
        let opt = SGD([k], lr: 0.05)
        for _ in 0..<200 {
            opt.zeroGrad()
            mse(x * k, y).backward()
            opt.step()
        }
        expectClose(k.data, [3], tolerance: 1e-4)
    }
}
