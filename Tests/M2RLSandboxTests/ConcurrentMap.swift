import M2RLCore

/// concurrentMap on both cores, for tests.
func concurrentMapForTests<T: Sendable, R: Sendable>(_ items: [T], _ body: @escaping @Sendable (T) throws -> R) throws -> [R] {
    try concurrentMap(items, width: 2, body)
}
