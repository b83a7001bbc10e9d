#pragma once
// How deep types nest, for the nesting rule (table_rules.hpp). Internal to server/idl.

#include <cstddef>
#include <vector>

namespace tcaplus_mock::idl {

// For a graph of types where `uses[t]` lists the composite types that type t's fields have, the
// nesting depth of every type: 0 for a type whose fields are all basic, else 1 + the deepest type
// it uses, saturated at `cap` + 1; unbounded_nesting (declared_table.hpp) for a type that reaches
// a cycle. Iterative, linear in types plus uses, whatever the graph's depth.
std::vector<int> nesting_depths(const std::vector<std::vector<std::size_t>>& uses, int cap);

}  // namespace tcaplus_mock::idl
