#include "storage/tag_rows.hpp"

#include "storage/record_columns.hpp"

#include <array>

namespace tcaplus_mock::storage {

namespace {

using G = TagRecord;
const std::array<Column<G>, 5> columns{{
    {"account", &G::account},
    {"kind", &G::kind},
    {"resource", &G::resource},
    {"tag_key", &G::key},
    {"tag_value", &G::value},
}};

std::string select_sql(std::string_view where) {
    return "SELECT " + column_list<G>(columns) + " FROM tags WHERE " + std::string(where);
}

TagRecord read(const Statement& row) { return read_record<G>(row, columns); }

}  // namespace

TagRows::TagRows(Database& db)
    : db_(db),
      of_resource_(db, select_sql("account = ?1 AND kind = ?2 AND resource = ?3 ORDER BY tag_key")),
      of_account_(db, select_sql("account = ?1 ORDER BY kind, resource, tag_key")),
      put_(db, "INSERT OR REPLACE INTO tags (" + column_list<G>(columns) + ") VALUES (" + placeholders(columns.size()) +
                   ")"),
      erase_(db, "DELETE FROM tags WHERE account = ?1 AND kind = ?2 AND resource = ?3 AND tag_key = ?4"),
      erase_resource_(db, "DELETE FROM tags WHERE account = ?1 AND kind = ?2 AND resource = ?3") {}

std::vector<TagRecord> TagRows::of_resource(std::string_view account, std::string_view kind,
                                            std::string_view resource) {
    StatementUse use(of_resource_);
    use->bind_text(1, account);
    use->bind_text(2, kind);
    use->bind_text(3, resource);
    return read_rows(*use, read);
}

std::vector<TagRecord> TagRows::of_account(std::string_view account) {
    StatementUse use(of_account_);
    use->bind_text(1, account);
    return read_rows(*use, read);
}

void TagRows::put(const TagRecord& record) {
    StatementUse use(put_);
    bind_record<G>(*use, record, columns);
    use->run();
}

bool TagRows::erase(std::string_view account, std::string_view kind, std::string_view resource, std::string_view key) {
    StatementUse use(erase_);
    use->bind_text(1, account);
    use->bind_text(2, kind);
    use->bind_text(3, resource);
    use->bind_text(4, key);
    use->run();
    return db_.changes() > 0;
}

void TagRows::erase_resource(std::string_view account, std::string_view kind, std::string_view resource) {
    StatementUse use(erase_resource_);
    use->bind_text(1, account);
    use->bind_text(2, kind);
    use->bind_text(3, resource);
    use->run();
}

}  // namespace tcaplus_mock::storage
