import Foundation
import ScorecardKit
import Testing

@testable import ScorecardPostgres

/// `db grant --owner ""` (or a service of spaces) is refused as blank, before and after a framework is imported:
/// once one was, the blank name was looked up first and called "part of several owners' names".
@Suite(.enabled(if: TestServer.isAvailable, "needs SCORECARD_TEST_POSTGRES"), .serialized)
struct GrantBlankNameTests {
    @Test func aBlankOwnerOrServiceIsRefusedAsBlankOnceAFrameworkIsImported() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let officer = try TestServer.login(.officer, at: location)
            _ = try PostgresStore(location: officer).importCouncil(try TestServer.council(), by: "", progress: nil)
            for (owners, services) in [([""], [String]()), ([], ["   "])] {
                let resolved = try PostgresAdmin.resolveNames(owners: owners, services: services, at: location)
                #expect(resolved.owners == owners && resolved.services == services && resolved.notes.isEmpty)
                let error = try #require(throws: PostgresStoreError.self) {
                    try PostgresAdmin.grant("blank_\(UUID().uuidString.prefix(8).lowercased())", role: .owner, owners: owners, services: services, at: location)
                }
                #expect("\(error)".contains("needs a name: a blank one would grant every measure"), "\(error)")
            }
        }
    }
}
