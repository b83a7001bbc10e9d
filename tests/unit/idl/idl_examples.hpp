#pragma once
// Real IDL files from WHOLE-API.md (b5, f1, f2) and the SDKs it cites, for the idl tests. The
// fuzz corpora (tests/fuzz/corpus/idl_*) hold the same files.

#include <string_view>

namespace tcaplus_mock::idl::examples {

// Terraform's acceptance test (resource_tc_tcaplus_idl_test.go, testAccTcaplusIdl): one table
// (tb_idle_test) and a plain message (pay_info); Terraform expects table_infos.# = 1.
constexpr std::string_view terraform_proto = R"idl(    syntax = "proto2";
    package myTcaplusTable;
    import "tcaplusservice.optionv1.proto";
    message tb_idle_test {
        option(tcaplusservice.tcaplus_primary_key) = "uin,name,region";
        required int64 uin = 1;
        required string name = 2;
        required int32 region = 3;
        required int32 gamesvrid = 4;
        optional int32 logintime = 5 [default = 1];
        repeated int64 lockid = 6 [packed = true];
        optional bool is_available = 7 [default = false];
        optional pay_info pay = 8;
    }

    message pay_info {
        required int64 pay_id = 1;
        optional uint64 total_money = 2;
        optional uint64 pay_times = 3;
        optional pay_auth_info auth = 4;
        message pay_auth_info {
            required string pay_keys = 1;
            optional int64 update_time = 2;
        }
    }
)idl";

// The official VerifyIdlFiles example (tccli examples.json of 2020), whose real answer b5 quotes.
constexpr std::string_view verify_example_proto =
    R"idl(syntax="proto2";package myTcaplusTable;import "tcaplusservice.optionv1.proto";message tb_example{option(tcaplusservice.tcaplus_primary_key)="uin,name";required int64 uin = 1;required string name = 2;required int32 gamesvrid = 3;optional string logintime = 4;})idl";

// The official ModifyTables example: the same table with a new field add_v1.
constexpr std::string_view modify_example_proto =
    R"idl(syntax="proto2";package myTcaplusTable;import "tcaplusservice.optionv1.proto";message tb_example{option(tcaplusservice.tcaplus_primary_key)="uin,name";required int64 uin = 1;required string name = 2;required int32 gamesvrid = 3;optional string logintime = 4;optional int32 add_v1 = 5;})idl";

// GoTcaplusSDK pb/autotest/unittest/table/table_common.proto: proto3, indexes, a LIST table.
constexpr std::string_view sdk_common_proto =
    R"idl(syntax = "proto3";                      // Specify the version of the protocol buffers language

package tcaplusservice;

import "tcaplusservice.optionv1.proto"; // Use the public definitions of TcaplusDB by importing them.

message game_players {  // Define a TcaplusDB table with message
    option(tcaplusservice.tcaplus_primary_key) = "player_id, player_name, player_email";
    option(tcaplusservice.tcaplus_index) = "index_1(player_id, player_name)";
    option(tcaplusservice.tcaplus_index) = "index_2(player_id, player_email)";

    int64 player_id = 1;
    string player_name = 2;
    string player_email = 3;

    int32 game_server_id = 4;
    repeated string login_timestamp = 5;
    repeated string logout_timestamp = 6;
    bool is_online = 7;

    payment pay = 8;
}

message payment {
	int64 pay_id = 1;
	uint64 amount = 2;
    int64 method = 3;
}

message tb_online_list {
    option(tcaplusservice.tcaplus_primary_key) = "openid,tconndid,timekey";
    option(tcaplusservice.tcaplus_customattr) = "TableType=LIST;ListNum=1023";

    int32 openid = 1; //QQ Uin
    int32 tconndid = 2;
    string timekey = 3;
    string gamesvrid = 4;
    int32 logintime = 5 ;
    repeated int64 lockid = 6;
    pay_info pay = 7;

    message pay_info {
        uint64 total_money = 1;
        uint64 pay_times = 2;
    }
}
)idl";

// Terraform's TDR acceptance test (testAccTcaplusIdlTdr): encoding="GBK" declared, one table.
constexpr std::string_view terraform_tdr = R"idl(<?xml version="1.0" encoding="GBK" standalone="yes" ?>
<metalib name="user" tagsetversion="1" version="1">
 <struct name="user_info" version="1" primarykey="id" splittablekey="id">
    <entry name="id"       type="string"     size="100" 	desc="id" />
    <entry name="username" type="string"     size="100" 	desc="username" />
    <entry name="age"      type="int"    	 desc="age" />
    <entry name="createat" type="uint64"     desc="创建时间" />
    <entry name="updateat" type="uint64"     desc="更新时间" />
 </struct>
</metalib>
)idl";

// The same file as a GBK editor saves it: the descriptions are GBK bytes, not UTF-8.
constexpr std::string_view terraform_tdr_gbk_bytes =
    "<?xml version=\"1.0\" encoding=\"GBK\" standalone=\"yes\" ?>\n"
    "<metalib name=\"user\" tagsetversion=\"1\" version=\"1\">\n"
    " <struct name=\"user_info\" version=\"1\" primarykey=\"id\" splittablekey=\"id\">\n"
    "    <entry name=\"id\" type=\"string\" size=\"100\" desc=\"id\" />\n"
    "    <entry name=\"username\" type=\"string\" size=\"100\" desc=\"username\" />\n"
    "    <entry name=\"age\" type=\"int\" desc=\"age\" />\n"
    "    <entry name=\"createat\" type=\"uint64\" desc=\"\xb4\xb4\xbd\xa8\xca\xb1\xbc\xe4\" />\n"
    "    <entry name=\"updateat\" type=\"uint64\" desc=\"\xb8\xfc\xd0\xc2\xca\xb1\xbc\xe4\" />\n"
    " </struct>\n"
    "</metalib>\n";

// From GoTcaplusSDK pb/autotest/unittest/table/table_common.xml: macros, a union, nested structs,
// the generic table with four indexes, LIST and SORTLIST tables, a byte-array key.
constexpr std::string_view sdk_common_tdr = R"idl(<?xml version="1.0" encoding="utf-8" standalone="yes" ?>
<metalib name="tcaplus_tb" tagsetversion="1" version="6">
	<macro name="VALUE_1KB_SIZE" value="1024" />
	<macro name="VALUE_10M_SIZE" value="10000000" />
    <union name="union_type" version="1">
        <entry name="Id"        type="int32"  id="0" defaultvalue="0"    desc="id" />
        <entry name="Name"      type="string"  id="1" size="64" defaultvalue="hello" desc="name" />
    </union>
    <struct name="struct_nested" version="2">
        <entry name="uin"           type="int32"  defaultvalue="0"  desc="uin" />
        <entry name="name"          type="string" size="50" desc="name" />
    </struct>
    <struct name="struct_type" version="1">
        <entry name="x"         type="int32"  defaultvalue="0"  desc="x" />
        <entry name="title"          type="string" size="48" desc="title" />
        <entry name="level2_struct" type="struct_nested" version="2" />
    </struct>
    <struct name="table_generic" version="1" primarykey="uin,name,key3,key4" splittablekey="uin">
        <entry name="uin" type="uint64" desc="QQ"/>
        <entry name="name" type="string" size="64" desc="Name"/>
        <entry name="key3" type="string" size="1024" desc="key3"/>
        <entry name="key4" type="string" size="1024" desc="key4"/>
        <entry name="level"    type="int32"   defaultvalue="1" />
        <entry name="count"    type="uint8"   defaultvalue="0" />
        <entry name="info"     type="string"  size="4096"/>
        <entry name="items"    type="uint64" count="10" refer="count"/>
        <entry name="selector" type="short" />
        <entry name="single_struct" type="struct_type"/>
        <entry name="c_union"  type="union_type" select="selector"/>
        <index name="index1" column="uin"/>
        <index name="index2" column="uin,name"/>
        <index name="index3" column="uin,name,key3"/>
        <index name="index4" column="uin,key4"/>
    </struct>
    <struct name="table_traverser_list" primarykey="key, name" customattr2="TableType=LIST;ListNum=1023;" version="5" desc="用于list表遍历测试">
        <entry name="key"      type="uint32"   desc="单个uint32作为KEY的时候, hashcode = key % 10000"/>
        <entry name="name"     type="int16" />
        <entry name="level"      type="uint32" />
        <entry name="value1"   type="string"   size="102400" defaultvalue="" desc="最大长度:100KB"/>
    </struct>
    <struct name="table_Sortlist_single" primarykey="key, name" customattr2="TableType=SORTLIST;ListNum=1023;SortFieldNum=1;SortRule=DESC" version="5">
        <entry name="key"      type="uint32" />
        <entry name="name"     type="int16" />
        <entry name="type_int16" type="int16" desc="type_int16" customattr2="sort1"/>
        <entry name="type_string" type="string" desc="type_string" size="20"/>
    </struct>
    <macro name="KEY_MAX_SIZE" value="100" />
    <struct name="PLAYERONLINECNT_simplify" version="1" primarykey="key" splittablekey="key">
        <entry name="klen" type="int" defaultvalue="0" desc="key len"/>
        <entry name="key" type="byte" count="KEY_MAX_SIZE" refer="klen" desc="key"/>
        <entry name="big_record_10M_len" type="int32" defaultvalue="0" />
        <entry name="big_record_10M" type="Byte" count="VALUE_10M_SIZE" refer="big_record_10M_len" desc=""/>
    </struct>
</metalib>
)idl";

}  // namespace tcaplus_mock::idl::examples
