import Foundation
import LearnTensor

extension Trainer {
    /// The model's insides now. Computed without a graph (except the one backward pass
    /// behind `gradFlow`, whose gradients are thrown away), and without touching the
    /// training random stream: inspecting never changes what training does next.
    public func inspect(_ options: InspectionOptions = InspectionOptions()) -> Inspection {
        var out = Inspection()
        switch (network, data) {
        case (.sequence(let model), _):
            inspectSequence(model, options, into: &out)
        case (_, .points(let train, let validation)):
            guard let model = network.pointModel else { break }
            if case .mlp(let mlp) = network { out.layerSizes = mlp.sizes }
            if case .perceptron = network { out.layerSizes = [train.dimensions, 1] }
            if train.dimensions == 1 {
                out.points1D = (0..<train.count).map { (Double(train.inputs[$0]), Double(train.targets[$0])) }
                out.validation1D = (0..<validation.count).map { (Double(validation.inputs[$0]), Double(validation.targets[$0])) }
                out.curve = curve(model, train: train, validation: validation, samples: options.curveSamples)
            } else {
                out.classes = train.classes
                out.points2D = (0..<train.count).map { (Double(train.inputs[2 * $0]), Double(train.inputs[2 * $0 + 1]), train.labels[$0], false) }
                    + (0..<validation.count).map { (Double(validation.inputs[2 * $0]), Double(validation.inputs[2 * $0 + 1]), validation.labels[$0], true) }
                out.region = region(model, train: train, validation: validation, options)
            }
            out.landscape = landscape(options)
        default:
            break
        }
        return out
    }

    /// `samples` model outputs evenly spaced over the x-range of all data points.
    private func curve(_ model: any PointModel, train: PointSet, validation: PointSet, samples: Int) -> [(x: Double, y: Double)] {
        let r = train.range(of: 0)
        let lo = Swift.min(r.lowerBound, validation.count > 0 ? validation.range(of: 0).lowerBound : r.lowerBound)
        let hi = Swift.max(r.upperBound, validation.count > 0 ? validation.range(of: 0).upperBound : r.upperBound)
        let n = Swift.max(2, samples)
        let xs = (0..<n).map { Float(lo + (hi - lo) * Double($0) / Double(n - 1)) }
        let ys = Tensor.withoutGrad { model(Tensor(xs, shape: [n, 1])).data }
        return zip(xs, ys).map { (Double($0), Double($1)) }
    }

    /// The classifier over a grid: data range plus 10% margin on each side.
    private func region(_ model: any PointModel, train: PointSet, validation: PointSet, _ options: InspectionOptions) -> Region {
        func padded(_ d: Int) -> ClosedRange<Double> {
            var r = train.range(of: d)
            if validation.count > 0 {
                let v = validation.range(of: d)
                r = Swift.min(r.lowerBound, v.lowerBound)...Swift.max(r.upperBound, v.upperBound)
            }
            let margin = Swift.max(0.1 * (r.upperBound - r.lowerBound), 0.05)
            return (r.lowerBound - margin)...(r.upperBound + margin)
        }
        let xr = padded(0), yr = padded(1)
        let cols = Swift.max(1, options.regionColumns), rows = Swift.max(1, options.regionRows)
        var grid: [Float] = []
        grid.reserveCapacity(2 * cols * rows)
        for row in 0..<rows {
            let y = yr.upperBound - (yr.upperBound - yr.lowerBound) * (Double(row) + 0.5) / Double(rows)
            for col in 0..<cols {
                let x = xr.lowerBound + (xr.upperBound - xr.lowerBound) * (Double(col) + 0.5) / Double(cols)
                grid += [Float(x), Float(y)]
            }
        }
        let n = cols * rows
        let out = Tensor.withoutGrad { model(Tensor(grid, shape: [n, 2])) }
        var label = [Int](repeating: 0, count: n)
        var confidence = [Float](repeating: 0, count: n)
        let k = out.shape[1]
        if k == 1 {
            for i in 0..<n {
                let p = 1 / (1 + exp(-out.data[i]))
                label[i] = p > 0.5 ? 1 : 0
                confidence[i] = Swift.max(p, 1 - p)
            }
        } else {
            let probabilities = Tensor.withoutGrad { out.softmax(axis: -1).data }
            for i in 0..<n {
                let best = Objective.argmax(probabilities[(i * k)..<((i + 1) * k)])
                label[i] = best
                confidence[i] = probabilities[i * k + best]
            }
        }
        return Region(xRange: xr, yRange: yr, columns: cols, rows: rows, label: label, confidence: confidence)
    }

    /// The training loss over the two scalar parameters of a model that has exactly two
    /// (all its parameter tensors hold 2 numbers in total), with the optimiser's path.
    private func landscape(_ options: InspectionOptions) -> Landscape? {
        let scalars = namedTensors.filter { $0.tensor.count == 1 }
        guard scalars.count == 2, namedTensors.reduce(0, { $0 + $1.tensor.count }) == 2,
              case .points(let train, _) = data,
              let px = scalarHistory[scalars[0].name], let py = scalarHistory[scalars[1].name] else { return nil }
        func span(_ values: [Double]) -> ClosedRange<Double> {
            let lo = values.min() ?? 0, hi = values.max() ?? 0
            let half = Swift.max(1, (hi - lo) * 0.6)
            let mid = (lo + hi) / 2
            return (mid - half)...(mid + half)
        }
        let xr = span(px), yr = span(py)
        let cols = Swift.max(2, options.landscapeColumns), rows = Swift.max(2, options.landscapeRows)
        let (a, b) = (scalars[0].tensor, scalars[1].tensor)
        let saved = (a.data[0], b.data[0])
        var loss = [Float](repeating: 0, count: cols * rows)
        Tensor.withoutGrad {
            for row in 0..<rows {
                b.data[0] = Float(yr.upperBound - (yr.upperBound - yr.lowerBound) * Double(row) / Double(rows - 1))
                for col in 0..<cols {
                    a.data[0] = Float(xr.lowerBound + (xr.upperBound - xr.lowerBound) * Double(col) / Double(cols - 1))
                    loss[row * cols + col] = Objective.evaluate(network, .points(train)).loss.item
                }
            }
        }
        a.data[0] = saved.0
        b.data[0] = saved.1
        return Landscape(xName: scalars[0].name, yName: scalars[1].name, xRange: xr, yRange: yr, columns: cols, rows: rows,
                         loss: loss, path: zip(px, py).map { ($0, $1) })
    }
}
