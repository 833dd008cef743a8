import LAERDocuments
import LAERValues

/// What every check reads answers against: the built-in questionnaires, loaded once per process.
enum FuzzFixtures {
    static let catalog: QuestionnaireCatalog = {
        do {
            return QuestionnaireCatalog(try QuestionnaireLoader.builtInHistory())
        } catch {
            fatalError("the built-in questionnaires do not load: \(error)")
        }
    }()
    static let newest = catalog.newest
    /// One fast reader per version of `catalog`, in its order.
    static let readers = catalog.questionnaires.map(FastAnswerReader.init)

}
