import Foundation

/// Maps `items` on `width` threads (bounded: at most `width` calls in flight), keeping the
/// input order in the result. Blocking bodies (a sandboxed run) are fine: each thread takes the
/// next item when it is done with its last.
///
/// - Throws: the first error, in input order, after every item has run.
public func concurrentMap<T: Sendable, R: Sendable>(
    _ items: [T], width: Int, _ body: @escaping @Sendable (T) throws -> R
) throws -> [R] {
    let slots = MapSlots<R>(items.count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(width, items.count))) { _ in
        while true {
            slots.lock.lock()
            let index = slots.next
            slots.next += 1
            slots.lock.unlock()
            guard index < items.count else { return }
            let result = Result { try body(items[index]) }
            slots.lock.lock()
            slots.results[index] = result
            slots.lock.unlock()
        }
    }
    return try slots.results.map { try $0!.get() }
}

/// The shared state of one concurrentMap: the next index and the results, under a lock.
private final class MapSlots<R>: @unchecked Sendable {
    let lock = NSLock()
    var next = 0
    var results: [Result<R, Error>?]
    init(_ count: Int) { results = Array(repeating: nil, count: count) }
}
