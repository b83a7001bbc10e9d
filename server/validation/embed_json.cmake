# cmake -DINPUT=<file.json> -DTEMPLATE=<file.cpp.in> -DOUTPUT=<file.cpp> -P embed_json.cmake
# Writes the JSON into the template's raw string literal. The output is rewritten only when its text
# changes, so an unchanged spec costs no recompilation.
file(READ "${INPUT}" TCAPLUS_MOCK_EMBEDDED_JSON)
string(FIND "${TCAPLUS_MOCK_EMBEDDED_JSON}" ")tcaplus_spec\"" delimiter_at)
if(NOT delimiter_at EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter )tcaplus_spec\"")
endif()
configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
file(TOUCH_NOCREATE "${OUTPUT}")
