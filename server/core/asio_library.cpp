// The one translation unit that compiles Asio's library code (BOOST_ASIO_SEPARATE_COMPILATION is
// set on every target that includes Asio, through tcaplus_mock_asio).

#include <boost/asio/impl/src.hpp>
