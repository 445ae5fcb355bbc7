/// Reverse-mode differentiation over the recorded graph.
extension Tensor {
    /// Whether ops record a graph; off inside ``withoutGrad(_:)``.
    @TaskLocal static var gradEnabled = true

    /// Runs `body` without recording any graph (inference, inspection panels).
    public static func withoutGrad<R>(_ body: () throws -> R) rethrows -> R {
        try $gradEnabled.withValue(false, operation: body)
    }

    /// Whether an op on these inputs should record its backward closure.
    @inline(__always)
    static func recording(_ a: Tensor) -> Bool { a.requiresGrad && gradEnabled }
    @inline(__always)
    static func recording(_ a: Tensor, _ b: Tensor) -> Bool { (a.requiresGrad || b.requiresGrad) && gradEnabled }
    static func recording(_ ts: [Tensor]) -> Bool { ts.contains { $0.requiresGrad } && gradEnabled }

    /// The graph ending at `self`, inputs before outputs, each node once (iterative DFS,
    /// so deep unrolled recurrences cannot overflow the stack).
    public func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var seen = Set<ObjectIdentifier>()
        var stack: [(node: Tensor, next: Int)] = [(self, 0)]
        seen.insert(ObjectIdentifier(self))
        while !stack.isEmpty {
            let (node, next) = stack[stack.count - 1]
            if next < node.inputs.count {
                stack[stack.count - 1].next += 1
                let child = node.inputs[next]
                if child.requiresGrad && seen.insert(ObjectIdentifier(child)).inserted {
                    stack.append((child, 0))
                }
            } else {
                order.append(node)
                stack.removeLast()
            }
        }
        return order
    }

    /// Back-propagates from this one-element tensor: `∂self/∂self = 1`, then every op's
    /// backward closure in reverse topological order. Leaf gradients accumulate across
    /// calls (call ``zeroGrad()`` or the optimiser's between steps); intermediate
    /// gradients start empty each call — the first op to pass one back allocates it (see
    /// ``addToGrad(_:)``) — so calling it twice adds the same amounts twice. An op whose
    /// output received no gradient passes none back.
    public func backward() {
        precondition(data.count == 1, "backward() needs a one-element tensor, shape is \(shape)")
        guard requiresGrad else { return }
        let order = topologicalOrder()
        for node in order where node.backwardFn != nil { node.grad = [] }
        ensureGrad()
        grad[0] += 1
        for node in order.reversed() where node.grad.count == node.count {
            node.backwardFn?(node)
        }
    }

    /// Sets this tensor's gradient to zeros.
    public func zeroGrad() {
        if grad.count == count {
            grad.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        } else if requiresGrad {
            ensureGrad()
        }
    }
}
