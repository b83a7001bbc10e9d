#pragma once
// The IDL files a request names: stored ones by FileId (ExistingIdlFiles, and CreateTables' and
// ModifyTables' IdlFiles) and new ones with their content (NewIdlFiles), which are stored with a
// FileId of the cluster's counter; and reading a file into its tables.
//
// FileContent is taken either as the file's text or, as Terraform sends it, as base64 of the text's
// URL encoding (Go's url.QueryEscape, `+` for a space). It is the encoded form exactly when the whole
// content is well-formed base64 whose bytes are well-formed percent-encoding of only URL-safe
// characters: the text of any IDL file holds a blank, `{`, `;` or `<`, none of which base64 has.

#include "server/actions/action_context.hpp"
#include "server/idl/parse_idl.hpp"
#include "storage/repository.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

// The file's text from a FileContent as sent.
std::string file_text(std::string_view content);

// A file the request names, with the path of the parameter that named it (`NewIdlFiles.0`).
struct RequestFile {
    storage::IdlFileRecord record;
    std::string path;
};

// On the writer, inside a job of `cluster`: the stored files of each list parameter of `stored_lists`
// (by FileId: MissingParameter without one, ResourceNotFound for a file the cluster does not have),
// then the new files of `new_list` (FileType PROTO or TDR with FileExtType proto or xml, taken by the
// cluster's IdlType), stored now with the request's `TableGroupId` if any.
Result<std::vector<RequestFile>> take_request_files(const ActionContext& context, storage::Repository& repository,
                                                    const storage::ClusterRecord& cluster,
                                                    std::initializer_list<std::string_view> stored_lists,
                                                    std::string_view new_list = {});

// The tables `file` defines; a protobuf file may import the other files of `neighbours` (by name,
// with or without `.proto`) and the files stored in its cluster. InvalidParameterValue naming the file,
// line and column when it cannot be read.
Result<idl::ParsedIdl> read_tables(storage::Repository& repository, const RequestFile& file,
                                   const std::vector<RequestFile>& neighbours);

// IdlFileInfo of a stored file; FileContent URL-encoded (DescribeIdlFileInfos by id) or null.
boost::json::object idl_file_info(const storage::IdlFileRecord& file, bool with_content,
                                  const boost::json::storage_ptr& memory);

}  // namespace tcaplus_mock
