/// One measure's observations in period order, kept column by column in a single allocation: the values, then
/// the periods' ordinals, then a byte of flags each (13 bytes an observation, where an array of ``Observation``
/// takes 24), and the few observations' own targets and commentary beside them.
///
/// Written by hand for memory, measured: a dashboard over 50,000 measures holds the latest 28 values of each,
/// 1.4 million observations, which as arrays took 34 MB of its 150 MB budget and as series take 19 MB. It reads
/// and writes as a collection of ``Observation``, so judging and the readers and writers do not see the
/// difference; a change to a series shared with another copy copies it first, as an array would.
public struct ObservationSeries: RandomAccessCollection, MutableCollection, RangeReplaceableCollection, Equatable,
    @unchecked Sendable
{
    // @unchecked: the buffer is never changed while shared (every change makes it unique first), so copies on
    // other threads never see a change, as with an array.
    private var buffer: Buffer?

    public typealias Index = Int

    public init() {}

    public init(_ observations: some Sequence<Observation>) {
        var iterator = observations.makeIterator()
        let expected = observations.underestimatedCount
        if expected > 0 {
            let buffer = Buffer.make(capacity: expected)
            for i in 0..<expected { buffer.write(iterator.next().unsafelyUnwrapped, at: i) }
            buffer.count = expected
            self.buffer = buffer
        }
        while let observation = iterator.next() { append(observation) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { buffer?.count ?? 0 }

    public subscript(position: Int) -> Observation {
        get {
            precondition(position >= 0 && position < endIndex, "index out of range")
            return buffer.unsafelyUnwrapped.read(at: position)
        }
        set {
            precondition(position >= 0 && position < endIndex, "index out of range")
            makeUnique(capacity: endIndex)
            buffer.unsafelyUnwrapped.write(newValue, at: position)
        }
    }

    public mutating func reserveCapacity(_ n: Int) {
        if n > (buffer?.room ?? 0) { makeUnique(capacity: n) }
    }

    public mutating func append(_ observation: Observation) {
        let count = endIndex
        let capacity = buffer?.room ?? 0
        makeUnique(capacity: count < capacity ? capacity : Swift.max(4, capacity * 2))
        buffer.unsafelyUnwrapped.write(observation, at: count)
        buffer.unsafelyUnwrapped.count = count + 1
    }

    public mutating func replaceSubrange(_ range: Range<Int>, with new: some Collection<Observation>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= endIndex, "range out of bounds")
        // Rarely used on a whole council (recording a value, a test's edit): made afresh.
        var list = Array(self)
        list.replaceSubrange(range, with: new)
        self = ObservationSeries(list)
    }

    /// The buffer holding the values (for tests: a change to a series no other copy shares stays in its buffer).
    var bufferIdentity: ObjectIdentifier? { buffer.map(ObjectIdentifier.init) }

    public static func == (a: ObservationSeries, b: ObservationSeries) -> Bool {
        a.buffer === b.buffer || a.elementsEqual(b)
    }

    /// Makes the buffer this series' own, with room for at least `capacity` observations.
    private mutating func makeUnique(capacity: Int) {
        // Checked before binding the buffer to a name: a second reference held here would make it never unique.
        if isKnownUniquelyReferenced(&buffer), buffer.unsafelyUnwrapped.room >= capacity { return }
        let count = endIndex
        let copy = Buffer.make(capacity: Swift.max(capacity, count))
        if let buffer {
            for i in 0..<count { copy.write(buffer.read(at: i), at: i) }
        }
        copy.count = count
        buffer = copy
    }

    /// How many observations there are and room for, and the boxes of those with a target or commentary of their
    /// own (`nil` while none has).
    struct Header {
        var count: Int
        let capacity: Int
        var extras: [Observation.Extras?]?
    }

    /// The columns: `capacity` values (8 bytes each), `capacity` ordinals (4 bytes each), `capacity` flags.
    ///
    /// The header is reached through its pointer, never as `header`: that is a class's stored property, and each
    /// access to one is checked for exclusivity at run time, which made judging a large council twice as slow.
    final class Buffer: ManagedBuffer<Header, UInt64> {
        static func make(capacity: Int) -> Buffer {
            let words = capacity + (capacity * 5 + 7) / 8
            let made = create(minimumCapacity: words) { _ in Header(count: 0, capacity: capacity, extras: nil) }
            return unsafeDowncast(made, to: Buffer.self)
        }

        var count: Int {
            get { withUnsafeMutablePointerToHeader { $0.pointee.count } }
            set { withUnsafeMutablePointerToHeader { $0.pointee.count = newValue } }
        }

        var room: Int { withUnsafeMutablePointerToHeader { $0.pointee.capacity } }

        func read(at i: Int) -> Observation {
            withUnsafeMutablePointers { header, words in
                let capacity = header.pointee.capacity
                let raw = UnsafeRawPointer(words)
                return Observation(
                    value: raw.load(fromByteOffset: i * 8, as: Double.self),
                    ordinal: raw.load(fromByteOffset: capacity * 8 + i * 4, as: Int32.self),
                    flags: raw.load(fromByteOffset: capacity * 12 + i, as: UInt8.self),
                    extras: header.pointee.extras == nil ? nil : header.pointee.extras.unsafelyUnwrapped[i])
            }
        }

        func write(_ observation: Observation, at i: Int) {
            let columns = observation.columns
            withUnsafeMutablePointers { header, words in
                let capacity = header.pointee.capacity
                let raw = UnsafeMutableRawPointer(words)
                raw.storeBytes(of: columns.value, toByteOffset: i * 8, as: Double.self)
                raw.storeBytes(of: columns.ordinal, toByteOffset: capacity * 8 + i * 4, as: Int32.self)
                raw.storeBytes(of: columns.flags, toByteOffset: capacity * 12 + i, as: UInt8.self)
                if columns.extras != nil || header.pointee.extras != nil {
                    if header.pointee.extras == nil { header.pointee.extras = Array(repeating: nil, count: capacity) }
                    header.pointee.extras![i] = columns.extras
                }
            }
        }
    }
}

extension ObservationSeries: ExpressibleByArrayLiteral {
    public init(arrayLiteral observations: Observation...) {
        self.init(observations)
    }
}

extension ObservationSeries: CustomStringConvertible {
    public var description: String { Array(self).description }
}
