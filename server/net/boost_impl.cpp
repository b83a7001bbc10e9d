// The one translation unit that compiles Beast's library code (BOOST_BEAST_SEPARATE_COMPILATION is
// set on the target); Asio's is compiled in server/core/asio_library.cpp.

#include <boost/beast/src.hpp>
