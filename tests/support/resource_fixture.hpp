#pragma once
// EmulatorFixture with the resource actions at hand: a request is a JSON object, an answer its
// Response; helpers create a cluster, a table group, an IDL file and tables the way a client would,
// failing the test when the emulator refuses.

#include "tests/support/emulator_fixture.hpp"

#include <string>

namespace tcaplus_mock::testing {

// A protobuf IDL file defining one table `name` with key (uin, name) and two value fields.
inline std::string proto_table_idl(const std::string& name = "tb_example") {
    return "syntax = \"proto2\";\npackage myTcaplusTable;\nimport \"tcaplusservice.optionv1.proto\";\n"
           "message " + name + " {\n"
           "  option(tcaplusservice.tcaplus_primary_key) = \"uin,name\";\n"
           "  required int64 uin = 1;\n  required string name = 2;\n"
           "  required int32 gamesvrid = 3;\n  optional string logintime = 4;\n}\n";
}

class ResourceFixture : public EmulatorFixture {
protected:
    using EmulatorFixture::EmulatorFixture;

    // The Response of `action` with `params`, whatever it holds.
    json::object request(const std::string& action, const json::object& params,
                         const std::string& region = "ap-guangzhou") {
        auto http = json_request(json::serialize(params), action);
        set_header(http, "x-tc-region", region);
        return send(std::move(http)).response;
    }

    // The Response of `action`, which must succeed.
    json::object ok(const std::string& action, const json::object& params, const std::string& region = "ap-guangzhou") {
        auto response = request(action, params, region);
        EXPECT_FALSE(response.contains("Error")) << action << " " << json::serialize(params) << " -> "
                                                 << json::serialize(response);
        return response;
    }

    // The error code of `action` ("" when it succeeded).
    std::string error_of(const std::string& action, const json::object& params,
                         const std::string& region = "ap-guangzhou") {
        const auto response = request(action, params, region);
        const auto* error = response.if_contains("Error");
        return error ? std::string(error->at("Code").as_string()) : "";
    }

    std::string create_cluster(const std::string& name = "cluster", const std::string& region = "ap-guangzhou") {
        const auto response = ok("CreateCluster", {{"IdlType", "PROTO"}, {"ClusterName", name}, {"VpcId", "vpc-1"},
                                                   {"SubnetId", "subnet-1"}, {"Password", "Passw0rd"}},
                                 region);
        return std::string(response.at("ClusterId").as_string());
    }

    void create_table_group(const std::string& cluster, const std::string& id, const std::string& name = "") {
        ok("CreateTableGroup",
           {{"ClusterId", cluster}, {"TableGroupId", id}, {"TableGroupName", name.empty() ? "group" + id : name}});
    }

    // Uploads `content` as a new PROTO file; returns the IdlFileInfo the emulator assigned.
    json::object upload_idl(const std::string& cluster, const std::string& content, const std::string& name = "tables") {
        const auto response =
            ok("VerifyIdlFiles", {{"ClusterId", cluster},
                                  {"NewIdlFiles", json::array{json::object{{"FileName", name},
                                                                           {"FileType", "PROTO"},
                                                                           {"FileExtType", "proto"},
                                                                           {"FileSize", content.size()},
                                                                           {"FileContent", content}}}}});
        return response.at("IdlFiles").at(0).as_object();
    }

    // The IdlFiles parameter naming a stored file.
    static json::array file_ref(const json::object& file) {
        return {json::object{{"FileName", file.at("FileName")}, {"FileType", file.at("FileType")},
                             {"FileExtType", file.at("FileExtType")}, {"FileSize", file.at("FileSize")},
                             {"FileId", file.at("FileId")}}};
    }

    // Creates table `name` of `file` in `group`; returns its TableResultNew.
    json::object create_table(const std::string& cluster, const json::object& file, const std::string& group,
                              const std::string& name = "tb_example") {
        const auto response = ok("CreateTables", {{"ClusterId", cluster},
                                                  {"IdlFiles", file_ref(file)},
                                                  {"SelectedTables", json::array{json::object{
                                                                         {"TableGroupId", group},
                                                                         {"TableName", name},
                                                                         {"TableIdlType", "PROTO"},
                                                                         {"TableType", "GENERIC"}}}}});
        const auto& result = response.at("TableResults").at(0).as_object();
        EXPECT_TRUE(result.at("Error").is_null()) << json::serialize(result);
        return result;
    }
};

// The number a JSON value holds, whatever its integer kind.
inline std::int64_t number(const json::value& value) { return value.to_number<std::int64_t>(); }

}  // namespace tcaplus_mock::testing
