# cmake -DTEMPLATE=<file.cpp.in> -DOUTPUT=<file.cpp> -DBASE=<folder> -DFILES=<name>[,<name>...] -P embed_text.cmake
# Writes text files of BASE into a C++ source made from TEMPLATE, each as a raw string literal:
#   @TCAPLUS_MOCK_EMBEDDED_TEXT@   the first file's literal
#   @TCAPLUS_MOCK_EMBEDDED_FILES@  one `{"<name>", <literal>},` line per file, in the order given
# The output is rewritten only when its text changes, so unchanged files cost no recompilation.
# server/CMakeLists.txt wraps it as tcaplus_mock_embed_text().
set(delimiter "tcaplus_embed")
string(REPLACE "," ";" names "${FILES}")
set(TCAPLUS_MOCK_EMBEDDED_TEXT "")
set(TCAPLUS_MOCK_EMBEDDED_FILES "")
foreach(name IN LISTS names)
  file(READ "${BASE}/${name}" text)
  string(FIND "${text}" ")${delimiter}\"" delimiter_at)
  if(NOT delimiter_at EQUAL -1)
    message(FATAL_ERROR "${BASE}/${name} contains the raw string delimiter )${delimiter}\"")
  endif()
  set(literal "R\"${delimiter}(${text})${delimiter}\"")
  if(TCAPLUS_MOCK_EMBEDDED_TEXT STREQUAL "")
    set(TCAPLUS_MOCK_EMBEDDED_TEXT "${literal}")
  endif()
  string(APPEND TCAPLUS_MOCK_EMBEDDED_FILES "    {\"${name}\", ${literal}},\n")
endforeach()
configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
file(TOUCH_NOCREATE "${OUTPUT}")
