#include "server/idl/type_nesting.hpp"

#include "server/idl/declared_table.hpp"

#include <algorithm>
#include <utility>

namespace tcaplus_mock::idl {
namespace {

enum class Visit : unsigned char { not_yet, in_progress, done };

}  // namespace

std::vector<int> nesting_depths(const std::vector<std::vector<std::size_t>>& uses, int cap) {
    const std::size_t count = uses.size();
    std::vector<int> depth(count, 0);
    std::vector<Visit> visit(count, Visit::not_yet);
    const auto one_deeper = [cap](int below) {
        return below == unbounded_nesting ? below : std::min(below + 1, cap + 1);
    };
    // Depth-first with an explicit stack of (type, next use to look at): a chain of thousands of
    // types must not recurse.
    std::vector<std::pair<std::size_t, std::size_t>> stack;
    for (std::size_t root = 0; root < count; ++root) {
        if (visit[root] != Visit::not_yet) continue;
        visit[root] = Visit::in_progress;
        stack.emplace_back(root, 0);
        while (!stack.empty()) {
            const std::size_t type = stack.back().first;
            const std::size_t next = stack.back().second;
            if (next < uses[type].size()) {
                ++stack.back().second;
                const std::size_t used = uses[type][next];
                if (used >= count) continue;
                if (visit[used] == Visit::not_yet) {
                    visit[used] = Visit::in_progress;
                    stack.emplace_back(used, 0);
                } else if (visit[used] == Visit::in_progress) {
                    depth[type] = unbounded_nesting;  // a cycle through `used`
                } else {
                    depth[type] = std::max(depth[type], one_deeper(depth[used]));
                }
                continue;
            }
            visit[type] = Visit::done;
            stack.pop_back();
            if (!stack.empty()) {
                int& parent = depth[stack.back().first];
                parent = std::max(parent, one_deeper(depth[type]));
            }
        }
    }
    return depth;
}

}  // namespace tcaplus_mock::idl
