// The TIES consensus over three BF16 models in one loop, written two ways, timed side by side:
// with selects (`keep ? x : 0` summed), as the loop was first written, and with masks (the
// bits ANDed, `WorkingFloat.masked`), as FusedTies writes it. Same bits out (checked).
//
//   swiftc -O bench/ties_kernel.swift -o .build/ties_kernel && .build/ties_kernel
//   (add `-target-cpu native` for the release builds' CPU; without it, the x86-64 baseline, SSE2)
//
// 16,384 entries (one chunk), 2,000 passes per timing, the median of 7 timings of each.

@inline(__always) func bf16(_ bits: UInt16) -> Float { Float(bitPattern: UInt32(bits) << 16) }
@inline(__always) func masked(_ x: Float, _ keeping: Bool) -> Float {
    Float(bitPattern: x.bitPattern & (0 &- UInt32(keeping ? 1 : 0)))
}

@inline(never)
func selects(_ b: UnsafePointer<UInt16>, _ x0: UnsafePointer<UInt16>, _ x1: UnsafePointer<UInt16>, _ x2: UnsafePointer<UInt16>,
             _ low: Float, _ n: Int, _ out: UnsafeMutablePointer<Float>) {
    for j in 0..<n {
        let t = bf16(b[j])
        let d0 = bf16(x0[j]) - t, d1 = bf16(x1[j]) - t, d2 = bf16(x2[j]) - t
        let o0 = abs(d0) >= low ? d0 : 0, o1 = abs(d1) >= low ? d1 : 0, o2 = abs(d2) >= low ? d2 : 0
        let s = Float(signOf: (o0 + o1) + o2, magnitudeOf: 1)
        let a0 = o0 * s > 0, a1 = o1 * s > 0, a2 = o2 * s > 0
        let sum = ((a0 ? o0 : 0) + (a1 ? o1 : 0)) + (a2 ? o2 : 0)
        let divisor: Float = ((a0 ? 1 : 0) + (a1 ? 1 : 0)) + (a2 ? 1 : 0)
        out[j] = t + sum / (divisor == 0 ? 1 : divisor)
    }
}

@inline(never)
func masks(_ b: UnsafePointer<UInt16>, _ x0: UnsafePointer<UInt16>, _ x1: UnsafePointer<UInt16>, _ x2: UnsafePointer<UInt16>,
           _ low: Float, _ n: Int, _ out: UnsafeMutablePointer<Float>) {
    for j in 0..<n {
        let t = bf16(b[j])
        let d0 = bf16(x0[j]) - t, d1 = bf16(x1[j]) - t, d2 = bf16(x2[j]) - t
        let o0 = masked(d0, abs(d0) >= low), o1 = masked(d1, abs(d1) >= low), o2 = masked(d2, abs(d2) >= low)
        let s = Float(signOf: (o0 + o1) + o2, magnitudeOf: 1)
        let a0 = o0 * s > 0, a1 = o1 * s > 0, a2 = o2 * s > 0
        let sum = (masked(o0, a0) + masked(o1, a1)) + masked(o2, a2)
        let divisor = (masked(1, a0) + masked(1, a1)) + masked(1, a2)
        out[j] = t + sum / (divisor == 0 ? 1 : divisor)
    }
}

extension UInt32 { var high16: UInt16 { UInt16(truncatingIfNeeded: self >> 16) } }

let n = 16_384
var generator = SystemRandomNumberGenerator()
let base = UnsafeMutablePointer<UInt16>.allocate(capacity: n)
let models = (0..<3).map { _ in UnsafeMutablePointer<UInt16>.allocate(capacity: n) }
for j in 0..<n {
    base[j] = Float(Float.random(in: -0.1...0.1, using: &generator)).bitPattern.high16
    for m in models { m[j] = Bool.random(using: &generator) ? base[j] : base[j] &+ UInt16.random(in: 0...3, using: &generator) }
}
let a = UnsafeMutablePointer<Float>.allocate(capacity: n), c = UnsafeMutablePointer<Float>.allocate(capacity: n)
selects(base, models[0], models[1], models[2], 1e-4, n, a)
masks(base, models[0], models[1], models[2], 1e-4, n, c)
for j in 0..<n where a[j].bitPattern != c[j].bitPattern { fatalError("entry \(j): \(a[j]) and \(c[j]) differ") }

let clock = ContinuousClock()
func median(_ kernel: (UnsafePointer<UInt16>, UnsafePointer<UInt16>, UnsafePointer<UInt16>, UnsafePointer<UInt16>, Float, Int, UnsafeMutablePointer<Float>) -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<7 {
        let start = clock.now
        for _ in 0..<2_000 { kernel(base, models[0], models[1], models[2], 1e-4, n, a) }
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return times.sorted()[3]
}
let withSelects = median(selects), withMasks = median(masks)
print("selects \(withSelects) s, masks \(withMasks) s: \(withSelects / withMasks)x (\(2_000 * n) entries per timing, same bits)")
