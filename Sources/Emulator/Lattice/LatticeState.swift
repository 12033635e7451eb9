import BenchCore

/// Everything the VPC Lattice emulator holds, kept behind one lock by ``LatticeEmulator``.
struct LatticeState {
    var ids: IDGenerator
    /// Target groups in creation order (there is no delete, so the index is the creation sequence).
    var groups = SegmentedArray<TargetGroupRecord>()
    var indexByID = ShardedDictionary<String, Int>()
    var indexByName = ShardedDictionary<String, Int>()
    /// The group each `clientToken` created.
    var indexByToken = ShardedDictionary<String, Int>()

    init(seed: UInt64) {
        ids = IDGenerator(seed: seed, stream: "lattice")
    }

    /// A fresh target group id, `tg-` + 17 of `[0-9a-z]`, distinct from every existing one.
    mutating func newTargetGroupID() -> String {
        while true {
            let id = ids.id("tg-", 17)
            if indexByID[id] == nil { return id }
        }
    }
}
