#include "issue_json.hpp"

#include "util/sanitize.hpp"
#include "util/url.hpp"

namespace kn {

namespace {

void write_links(JsonWriter& json, const std::vector<Link>& links) {
  json.key("links").begin_array();
  for (const Link& link : links) {
    json.begin_object().key("text").value(link.text).key("url").value(link.url).end_object();
  }
  json.end_array();
}

}  // namespace

void write_issue_json(JsonWriter& json, const Issue& issue) {
  json.begin_object();
  json.key("source").value(escaped(issue.source));
  json.key("number").value(issue.number);
  json.key("title").value(issue.title);
  json.key("url").value(issue.url);
  json.key("date");
  issue.date ? json.value(issue.date->to_string()) : json.null();
  json.key("date_estimated").value(issue.date_estimated);

  json.key("sections").begin_array();
  for (const Section& section : issue.sections) {
    json.begin_object();
    json.key("kind").value(to_string(section.kind));
    json.key("heading").value(section.heading);
    json.key("items").begin_array();
    for (const Item& item : section.items) {
      json.begin_object().key("text").value(item.text);
      write_links(json, item.links);
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();

  json.key("cards").begin_array();
  for (const Card& card : issue.cards) {
    json.begin_object();
    json.key("title").value(card.title);
    json.key("url").value(card.url);
    json.key("domain").value(card.domain);
    json.key("image").nullable(card.image);
    json.key("blurb").value(card.blurb);
    json.key("comment").value(card.comment);
    write_links(json, card.links);
    json.end_object();
  }
  json.end_array();

  json.key("embeds").begin_array();
  for (const Embed& embed : issue.embeds) {
    json.begin_object().key("url").value(embed.url).key("comment").value(embed.comment);
    write_links(json, embed.links);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

std::string issue_json(const Issue& issue) {
  JsonWriter json;
  write_issue_json(json, issue);
  return json.take();
}

std::string entry_json(const Issue& issue, const EntryAt& entry, const EntryRef& ref) {
  JsonWriter json;
  json.begin_object();
  json.key("ref").value(ref.to_string());
  json.key("issue").value(issue.number);
  json.key("source").value(escaped(issue.source));
  if (issue.date) {
    json.key("date").value(issue.date->to_string());
  } else {
    json.key("date").null();
  }
  json.key("section").value(entry.section ? to_string(entry.section->kind)
                                          : to_string(SectionKind::links));
  json.key("heading").value(entry.section ? entry.section->heading : "");
  json.key("kind").value(to_string(entry.kind));
  json.key("title").value(entry.card ? entry.card->title : "");
  json.key("url").value(entry.card ? entry.card->url : entry.embed ? entry.embed->url : "");
  json.key("text").value(entry.item ? entry.item->text : "");
  json.key("blurb").value(entry.card ? entry.card->blurb : "");
  json.key("comment").value(entry.card    ? entry.card->comment
                            : entry.embed ? entry.embed->comment
                                          : "");
  json.key("links").begin_array();
  for (const Link& link : entry.links()) {
    json.begin_object().key("text").value(link.text).key("url").value(link.url);
    json.key("domain").value(url_domain(link.url)).end_object();
  }
  json.end_array();
  json.end_object();
  return json.take() + '\n';
}

}  // namespace kn
