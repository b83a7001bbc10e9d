// The IDL file actions (server/actions/idl_files/): uploading and reading files for real, the forms
// FileContent comes in, what DescribeIdlFileInfos, CompareIdlFiles and DeleteIdlFiles answer.
#include "tests/support/resource_fixture.hpp"
#include "tests/unit/idl/idl_examples.hpp"

#include "server/core/encodings.hpp"

namespace tcaplus_mock::testing {
namespace {

namespace examples = idl::examples;

// Go's url.QueryEscape: what Terraform does before base64.
std::string query_escape(std::string_view text) {
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
        else if (c == ' ') out += '+';
        else {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", c);
            out += buffer;
        }
    }
    return out;
}

// Terraform's FileContent: base64 of the URL-encoded text.
std::string terraform_content(std::string_view text) { return encodings::base64_encode(query_escape(text)); }

json::object new_file(const std::string& name, std::string_view content, const char* type = "PROTO",
                      const char* ext = "proto") {
    return {{"FileName", name}, {"FileType", type}, {"FileExtType", ext}, {"FileSize", content.size()},
            {"FileContent", content}};
}

class IdlFileActionsTest : public ResourceFixture {
protected:
    IdlFileActionsTest() { cluster_ = create_cluster(); }

    json::object verify(std::initializer_list<json::object> files, const char* group = nullptr) {
        json::object params{{"ClusterId", cluster_}, {"NewIdlFiles", json::array(files.begin(), files.end())}};
        if (group) params["TableGroupId"] = group;
        return request("VerifyIdlFiles", params);
    }

    std::string cluster_;
};

TEST_F(IdlFileActionsTest, TheOfficialExampleAnswersTheRealSchemaStrings) {
    const auto answer = verify({new_file("tb_example", examples::verify_example_proto)});
    ASSERT_FALSE(answer.contains("Error")) << json::serialize(answer);
    EXPECT_EQ(number(answer.at("TotalCount")), 1);
    const auto& file = answer.at("IdlFiles").at(0).as_object();
    EXPECT_GT(number(file.at("FileId")), 0);
    EXPECT_TRUE(file.at("FileContent").is_null());
    const auto& table = answer.at("TableInfos").at(0).as_object();
    EXPECT_EQ(table.at("TableName"), "tb_example");
    EXPECT_EQ(table.at("KeyFields"),
              R"({"KeyField":[{"Label":"required","Name":"uin","Type":"int64"},{"Crypto":false,"Label":"required","Name":"name","Type":"string"}],"Num":2})");
    EXPECT_EQ(table.at("ValueFields"),
              R"({"Num":2,"ValueField":[{"Label":"required","Name":"gamesvrid","Type":"int32"},{"Crypto":false,"Label":"optional","Name":"logintime","Type":"string"}]})");
    EXPECT_EQ(table.at("IndexKeySet"), R"({"Num":0})");
    EXPECT_EQ(table.at("SumKeyFieldSize"), 1022);
    EXPECT_EQ(table.at("SumValueFieldSize"), 262144);
    EXPECT_EQ(table.at("TableType"), "GENERIC");
    EXPECT_TRUE(table.at("Error").is_null());
    EXPECT_TRUE(table.at("TableGroupId").is_null());
}

TEST_F(IdlFileActionsTest, TerraformsEncodedContentIsReadAsItsText) {
    // base64 of the URL-encoded text, GBK bytes included, as Terraform sends it.
    const auto proto = verify({new_file("tb_idle_test", terraform_content(examples::terraform_proto))});
    ASSERT_FALSE(proto.contains("Error")) << json::serialize(proto);
    ASSERT_EQ(proto.at("TableInfos").as_array().size(), 1u);  // pay_info has no primary key
    EXPECT_EQ(proto.at("TableInfos").at(0).at("TableName"), "tb_idle_test");
    // A TDR file goes to a cluster of IdlType TDR or MIX.
    const auto mix = std::string(ok("CreateCluster", {{"IdlType", "MIX"}, {"ClusterName", "mix"}, {"VpcId", "v"},
                                                      {"SubnetId", "s"}, {"Password", "Passw0rd"}})
                                     .at("ClusterId")
                                     .as_string());
    const auto tdr = request("VerifyIdlFiles", {{"ClusterId", mix},
                                                {"NewIdlFiles", json::array{new_file("user_info",
                                                                                     terraform_content(examples::terraform_tdr_gbk_bytes),
                                                                                     "TDR", "xml")}}});
    ASSERT_FALSE(tdr.contains("Error")) << json::serialize(tdr);
    EXPECT_EQ(tdr.at("TableInfos").at(0).at("TableName"), "user_info");
    EXPECT_EQ(tdr.at("TableInfos").at(0).at("ShardingKeySet"), "id");
    // DescribeIdlFileInfos by id gives the text back, percent-encoded.
    const auto id = tdr.at("IdlFiles").at(0).at("FileId");
    const auto described = ok("DescribeIdlFileInfos", {{"ClusterId", mix}, {"IdlFileIds", json::array{std::to_string(number(id))}}});
    ASSERT_EQ(number(described.at("TotalCount")), 1);
    const std::string encoded(described.at("IdlFileInfos").at(0).at("FileContent").as_string());
    EXPECT_EQ(encodings::percent_decode(encoded), std::string(examples::terraform_tdr_gbk_bytes));
    EXPECT_EQ(encoded.find(' '), std::string::npos);
    EXPECT_NE(encoded.find("%20"), std::string::npos);
}

TEST_F(IdlFileActionsTest, AFileThatDoesNotParseNamesItsLineAndColumnAndIsNotStored) {
    const auto answer = verify({new_file("broken", "syntax = \"proto2\";\nmessage a {\n  required int64 = 1;\n}\n")});
    ASSERT_TRUE(answer.contains("Error"));
    EXPECT_EQ(answer.at("Error").at("Code"), "InvalidParameterValue");
    const std::string message(answer.at("Error").at("Message").as_string());
    EXPECT_NE(message.find("line 3"), std::string::npos) << message;
    EXPECT_NE(message.find("NewIdlFiles.0"), std::string::npos) << message;
    EXPECT_EQ(number(ok("DescribeIdlFileInfos", {{"ClusterId", cluster_}}).at("TotalCount")), 0);
}

TEST_F(IdlFileActionsTest, ATableBreakingARuleCarriesItsErrorAndIsNotCounted) {
    const std::string five_keys =
        "syntax = \"proto2\";\nimport \"tcaplusservice.optionv1.proto\";\n"
        "message wide { option(tcaplusservice.tcaplus_primary_key) = \"a,b,c,d,e\";\n"
        " required int32 a = 1; required int32 b = 2; required int32 c = 3; required int32 d = 4;"
        " required int32 e = 5; optional int32 v = 6; }\n"
        "message fine { option(tcaplusservice.tcaplus_primary_key) = \"a\"; required int32 a = 1; optional int32 v = 2; }\n";
    const auto answer = verify({new_file("two", five_keys)});
    ASSERT_FALSE(answer.contains("Error")) << json::serialize(answer);
    EXPECT_EQ(number(answer.at("TotalCount")), 1);
    const auto& wide = answer.at("TableInfos").at(0).as_object();
    EXPECT_EQ(wide.at("TableName"), "wide");
    EXPECT_EQ(wide.at("Error").at("Code"), "InvalidParameterValue");
    EXPECT_TRUE(answer.at("TableInfos").at(1).at("Error").is_null());
}

TEST_F(IdlFileActionsTest, FileKindsMustAgreeWithEachOtherAndTheCluster) {
    EXPECT_EQ(verify({new_file("x", examples::verify_example_proto, "PROTO", "xml")}).at("Error").at("Code"),
              "InvalidParameterValue");
    // A PROTO cluster takes no TDR file.
    EXPECT_EQ(verify({new_file("u", examples::terraform_tdr, "TDR", "xml")}).at("Error").at("Code"), "InvalidParameterValue");
    EXPECT_EQ(error_of("VerifyIdlFiles", {{"ClusterId", cluster_}}), "MissingParameter");
}

TEST_F(IdlFileActionsTest, ExistingFilesAreReadAgainWithTheirFileId) {
    const auto file = upload_idl(cluster_, std::string(examples::verify_example_proto), "tb_example");
    const auto again = ok("VerifyIdlFiles", {{"ClusterId", cluster_}, {"ExistingIdlFiles", file_ref(file)}});
    EXPECT_EQ(again.at("IdlFiles").at(0).at("FileId"), file.at("FileId"));
    EXPECT_EQ(again.at("TableInfos").as_array().size(), 1u);
    json::object unknown = file_ref(file).at(0).as_object();
    unknown["FileId"] = 9999;
    EXPECT_EQ(error_of("VerifyIdlFiles", {{"ClusterId", cluster_}, {"ExistingIdlFiles", json::array{unknown}}}),
              "ResourceNotFound");
}

TEST_F(IdlFileActionsTest, WithATableGroupAnExistingTableIsShownAndNotCounted) {
    create_table_group(cluster_, "1");
    const auto file = upload_idl(cluster_, std::string(examples::verify_example_proto), "tb_example");
    create_table(cluster_, file, "1");
    const auto answer = ok("VerifyIdlFiles", {{"ClusterId", cluster_}, {"TableGroupId", "1"}, {"ExistingIdlFiles", file_ref(file)}});
    EXPECT_EQ(number(answer.at("TotalCount")), 0);
    const auto& table = answer.at("TableInfos").at(0).as_object();
    EXPECT_EQ(table.at("TableGroupId"), "1");
    EXPECT_EQ(std::string(table.at("TableInstanceId").as_string()).rfind("tcaplus-", 0), 0u);
    EXPECT_EQ(error_of("VerifyIdlFiles", {{"ClusterId", cluster_}, {"TableGroupId", "7"}, {"ExistingIdlFiles", file_ref(file)}}),
              "ResourceNotFound");
}

TEST_F(IdlFileActionsTest, DescribeListsByFileIdFilteredAndPaged) {
    create_table_group(cluster_, "1");
    ASSERT_FALSE(verify({new_file("f0", examples::verify_example_proto)}, "1").contains("Error"));
    upload_idl(cluster_, std::string(examples::verify_example_proto), "f1");
    upload_idl(cluster_, std::string(examples::verify_example_proto), "f2");
    const auto all = ok("DescribeIdlFileInfos", {{"ClusterId", cluster_}});
    EXPECT_EQ(number(all.at("TotalCount")), 3);
    EXPECT_EQ(all.at("IdlFileInfos").at(0).at("FileName"), "f0");
    EXPECT_TRUE(all.at("IdlFileInfos").at(0).at("FileContent").is_null());
    const auto by_group = ok("DescribeIdlFileInfos", {{"ClusterId", cluster_}, {"TableGroupIds", json::array{"1"}}});
    ASSERT_EQ(number(by_group.at("TotalCount")), 1);
    EXPECT_EQ(by_group.at("IdlFileInfos").at(0).at("FileName"), "f0");
    const auto page = ok("DescribeIdlFileInfos", {{"ClusterId", cluster_}, {"Offset", 1}, {"Limit", 1}});
    EXPECT_EQ(number(page.at("TotalCount")), 3);
    ASSERT_EQ(page.at("IdlFileInfos").as_array().size(), 1u);
    EXPECT_EQ(page.at("IdlFileInfos").at(0).at("FileName"), "f1");
}

TEST_F(IdlFileActionsTest, DeleteRefusesAFileATableUses) {
    create_table_group(cluster_, "1");
    const auto used = upload_idl(cluster_, std::string(examples::verify_example_proto), "used");
    const auto spare = upload_idl(cluster_, std::string(examples::modify_example_proto), "spare");
    create_table(cluster_, used, "1");
    json::object missing = file_ref(spare).at(0).as_object();
    missing["FileId"] = 4242;
    const auto answer = ok("DeleteIdlFiles", {{"ClusterId", cluster_},
                                              {"IdlFiles", json::array{file_ref(used).at(0), file_ref(spare).at(0), missing}}});
    EXPECT_EQ(number(answer.at("TotalCount")), 3);
    const auto& items = answer.at("IdlFileInfos").as_array();
    EXPECT_EQ(items.at(0).at("Error").at("Code"), "ResourceInUse");
    EXPECT_TRUE(items.at(1).at("Error").is_null());
    EXPECT_EQ(items.at(2).at("Error").at("Code"), "ResourceNotFound");
    const auto left = ok("DescribeIdlFileInfos", {{"ClusterId", cluster_}});
    ASSERT_EQ(number(left.at("TotalCount")), 1);
    EXPECT_EQ(left.at("IdlFileInfos").at(0).at("FileId"), used.at("FileId"));
}

TEST_F(IdlFileActionsTest, CompareAppliesTheSchemaChangeRules) {
    create_table_group(cluster_, "1");
    const auto file = upload_idl(cluster_, std::string(examples::verify_example_proto), "tb_example");
    const auto created = create_table(cluster_, file, "1");
    const json::array selected{json::object{{"TableGroupId", "1"}, {"TableName", "tb_example"}},
                               json::object{{"TableGroupId", "1"}, {"TableName", "absent"}}};
    const auto added = ok("CompareIdlFiles", {{"ClusterId", cluster_}, {"SelectedTables", selected},
                                              {"NewIdlFiles", json::array{new_file("v2", examples::modify_example_proto)}}});
    EXPECT_EQ(number(added.at("TotalCount")), 2);
    const auto& same = added.at("TableInfos").at(0).as_object();
    EXPECT_TRUE(same.at("Error").is_null()) << json::serialize(same);
    EXPECT_EQ(same.at("TableInstanceId"), created.at("TableInstanceId"));
    EXPECT_NE(std::string(same.at("ValueFields").as_string()).find("add_v1"), std::string::npos);
    EXPECT_EQ(std::string(same.at("OldValueFields").as_string()).find("add_v1"), std::string::npos);
    EXPECT_EQ(added.at("TableInfos").at(1).at("Error").at("Code"), "ResourceNotFound");
    // A key field retyped breaks a rule.
    std::string retyped(examples::verify_example_proto);
    retyped.replace(retyped.find("int64 uin"), 9, "int32 uin");
    const auto refused = ok("CompareIdlFiles", {{"ClusterId", cluster_}, {"SelectedTables", json::array{selected.at(0)}},
                                                {"NewIdlFiles", json::array{new_file("v3", retyped)}}});
    EXPECT_EQ(refused.at("TableInfos").at(0).at("Error").at("Code"), "FailedOperation");
}

}  // namespace
}  // namespace tcaplus_mock::testing
