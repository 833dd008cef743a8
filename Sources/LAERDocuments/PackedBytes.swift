/// Byte strings packed in one buffer, so that the hot loop of the fast reader reads them without
/// reference counting (an array of arrays retains each inner array it hands out).
final class PackedBytes: @unchecked Sendable {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int>
    let count: Int

    init(_ strings: [[UInt8]]) {
        count = strings.count
        bytes = .allocate(capacity: max(1, strings.reduce(0) { $0 + $1.count }))
        starts = .allocate(capacity: strings.count + 1)
        var offset = 0
        for (index, string) in strings.enumerated() {
            starts[index] = offset
            for byte in string {
                bytes[offset] = byte
                offset += 1
            }
        }
        starts[strings.count] = offset
    }

    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[index]..<starts[index + 1]])
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
    }
}
