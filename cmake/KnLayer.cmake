# kn's layers: a folder under src/ each, built as a static library that links
# only the layers below it. A layer's headers are on the include path of the
# targets that link it and of no other, so including a header of a layer not
# below is a compile error, not a convention.
#
#   kn_layer(USES <layers below> LIBRARIES <outside libraries>
#            HEADERS <headers the layers above include, as "<folder>/x.hpp">
#            PUBLIC_HEADERS <its part of include/kn, included as "kn/x.hpp">)
#
# Called from the layer's folder: the folder names the layer ("store/fts"),
# its target (kn_store_fts) and what it compiles (every .cpp in it). Every
# other header of the folder is private: its own files include it by name,
# and tests reach it only through the test-only target kn_<name>_internals.

set(KN_LAYER_ROOT ${PROJECT_BINARY_DIR}/layers)
file(REMOVE_RECURSE ${KN_LAYER_ROOT})

# Links path to target (a symbolic link, so an edit is seen at once).
function(kn_link_header target path)
  get_filename_component(dir ${path} DIRECTORY)
  file(MAKE_DIRECTORY ${dir})
  file(CREATE_LINK ${target} ${path} SYMBOLIC)
endfunction()

function(kn_layer)
  cmake_parse_arguments(LAYER "" "" "USES;LIBRARIES;HEADERS;PUBLIC_HEADERS" ${ARGN})
  file(RELATIVE_PATH folder ${PROJECT_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR})
  string(REPLACE "/" "_" name ${folder})
  file(GLOB sources CONFIGURE_DEPENDS *.cpp)
  file(GLOB every_header RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} CONFIGURE_DEPENDS *.hpp)

  add_library(kn_${name} STATIC ${sources})
  set(shared ${KN_LAYER_ROOT}/${name})
  foreach(header IN LISTS LAYER_HEADERS)
    kn_link_header(${CMAKE_CURRENT_SOURCE_DIR}/${header} ${shared}/${folder}/${header})
  endforeach()
  foreach(header IN LISTS LAYER_PUBLIC_HEADERS)
    kn_link_header(${PROJECT_SOURCE_DIR}/include/kn/${header} ${shared}/kn/${header})
  endforeach()
  file(MAKE_DIRECTORY ${shared})
  target_include_directories(kn_${name} PUBLIC ${shared})
  set(below "")
  foreach(layer IN LISTS LAYER_USES)
    string(REPLACE "/" "_" layer ${layer})
    list(APPEND below kn_${layer})
  endforeach()
  target_link_libraries(kn_${name} PUBLIC ${below} ${LAYER_LIBRARIES} PRIVATE kn_warnings)
  set_target_properties(kn_${name} PROPERTIES KN_FOLDER ${folder} KN_USES "${LAYER_USES}")
  set_property(GLOBAL APPEND PROPERTY KN_LAYERS kn_${name})

  # For tests, fuzzers and the benchmark only: every header of the folder.
  set(internals ${KN_LAYER_ROOT}/internals/${name})
  foreach(header IN LISTS every_header)
    kn_link_header(${CMAKE_CURRENT_SOURCE_DIR}/${header} ${internals}/${folder}/${header})
  endforeach()
  add_library(kn_${name}_internals INTERFACE)
  target_include_directories(kn_${name}_internals INTERFACE ${internals})
  target_link_libraries(kn_${name}_internals INTERFACE kn_${name})
endfunction()

# Writes each layer's folder, the layers it links and its sources to file,
# one line each: "folder: uses... | sources...", for the layer-table test.
function(kn_write_layer_graph file)
  get_property(layers GLOBAL PROPERTY KN_LAYERS)
  set(text "")
  foreach(target IN LISTS layers)
    get_target_property(folder ${target} KN_FOLDER)
    get_target_property(links ${target} LINK_LIBRARIES)
    get_target_property(sources ${target} SOURCES)
    set(uses "")
    foreach(link IN LISTS links)
      if(TARGET ${link})
        get_target_property(link_folder ${link} KN_FOLDER)
        if(link_folder)
          list(APPEND uses ${link_folder})
        endif()
      endif()
    endforeach()
    set(names "")
    foreach(source IN LISTS sources)
      file(RELATIVE_PATH source ${PROJECT_SOURCE_DIR}/src ${source})
      list(APPEND names ${source})
    endforeach()
    list(SORT uses)
    list(SORT names)
    list(JOIN uses " " uses)
    list(JOIN names " " names)
    string(APPEND text "${folder}: ${uses} | ${names}\n")
  endforeach()
  file(WRITE ${file} "${text}")
endfunction()
