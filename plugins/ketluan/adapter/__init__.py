"""The MkDocs adapter: typed configuration, the plugin's event handlers, the bridge to
MkDocs' files and page context, the renderer and the Markdown citation linker. The only
package that imports MkDocs."""
