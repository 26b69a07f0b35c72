/* SPDX-License-Identifier: MIT */
#ifndef CK_EXAMPLE_H
#define CK_EXAMPLE_H
/*
 * Builds a complete filing from the example skeleton and a fragment: the
 * children of a rule example (<trigger>/<pass>) or of a corpus <case>.
 * Filing elements go where they belong (holding → holdings, …; fund and
 * header replace the skeleton's; a filing is used as is); the corpus
 * shorthand <text in="clause|note|disclosure|guarantee|business"> wraps
 * prose into a neutral holding, disclosure or guarantee. The new document
 * is owned by the caller (xmlFreeDoc).
 */
#include <libxml/tree.h>

xmlDocPtr ck_example_build(xmlDocPtr skeleton, xmlNodePtr fragment);

#endif
